import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'wouter';
import { paths } from '../../shared/paths';
import { findPipeline, usePlaybook } from '../../shared/playbook';
import { ErrorState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { NewDealForm } from './NewDealForm';

/**
 * `/deals/new[?account=ID][&pipeline=KEY]`: the new deal form, for the roles that create deals; the account
 * (kept in the address as it is chosen) and the pipeline whose types it offers come from the address.
 */
export function NewDealPage() {
  const session = useSession().data;
  const playbook = usePlaybook();
  const [params, setParams] = useSearchParams();
  const pipelineKey = params.get('pipeline');
  const accountId = params.get('account');

  if (playbook.isPending || !session) return <LoadingState label="Loading the playbook…" />;
  if (playbook.isError) return <ErrorState title="Could not load the playbook" error={playbook.error} />;
  const pipeline = pipelineKey ? findPipeline(playbook.data, pipelineKey) : undefined;
  const permission = session.permissions.createDeals;

  const chooseAccount = (next: string | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('account', next);
        else updated.delete('account');
        return updated;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" maw={820}>
      {pipeline && (
        <Anchor component={Link} href={paths.board(pipeline.key)} size="sm">
          ← {pipeline.name} board
        </Anchor>
      )}
      <Stack gap={4}>
        <Title order={1} size="h2">
          New deal{pipeline ? ` in the ${pipeline.name} pipeline` : ''}
        </Title>
        <Text size="sm" c="dimmed">
          A deal starts in the first stage of its type’s pipeline; from there the playbook’s gates decide when
          it moves on. Once created it opens in its workspace.
        </Text>
      </Stack>
      {!permission.allowed ? (
        <Alert color="gray" title="Your role does not create deals" data-testid="may-not-create">
          {permission.who}
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          {pipelineKey && !pipeline && (
            <Text size="sm" c="red.8" mb="sm" role="alert">
              The playbook has no pipeline “{pipelineKey}”: every type is offered.
            </Text>
          )}
          <NewDealForm
            playbook={playbook.data}
            me={session.user}
            pipeline={pipeline?.key ?? null}
            accountId={accountId}
            onAccountChange={chooseAccount}
          />
        </Paper>
      )}
    </Stack>
  );
}
