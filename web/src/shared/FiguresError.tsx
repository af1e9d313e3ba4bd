import { Alert, Anchor } from '@mantine/core';
import { Link } from 'wouter';
import { ApiError, describeError } from '../api';
import { paths } from './paths';
import { ErrorState } from './states';

/**
 * A forecast or revenue read that failed: a currency without a rate says who keeps the rates and where;
 * anything else is an ordinary error.
 */
export function FiguresError({ error, title }: { error: unknown; title: string }) {
  if (!(error instanceof ApiError) || error.problem.code !== 'rate_missing') {
    return <ErrorState title={title} error={error} />;
  }
  return (
    <Alert color="orange" role="alert" title="A currency has no rate">
      {describeError(error)} RevOps and VP Finance keep the rates on{' '}
      <Anchor component={Link} href={paths.forecastSettings}>
        Forecast settings
      </Anchor>
      .
    </Alert>
  );
}
