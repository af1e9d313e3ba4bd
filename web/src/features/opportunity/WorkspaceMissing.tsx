import { Alert, Anchor, CloseButton, List, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { MissingRequirement } from '../../api';
import { focusKey, paths } from '../../shared/paths';

interface Props {
  dealId: string;
  toName: string;
  missing: MissingRequirement[];
  onClose: () => void;
}

/** The gate's refusal on the stage path: each missing item with a link to it on this page. */
export function WorkspaceMissing({ dealId, toName, missing, onClose }: Props) {
  return (
    <Alert color="orange" role="alert" title={`Not yet ready for ${toName}`} data-testid="missing-panel">
      <CloseButton aria-label="Close" onClick={onClose} pos="absolute" top={8} right={8} />
      <List size="sm" spacing={2}>
        {missing.map((item) => (
          <List.Item key={`${item.kind}:${item.stage}:${item.key}`} data-testid="missing-item">
            {item.kind === 'transition' ? (
              <Text size="sm">{item.message}</Text>
            ) : (
              <Text size="sm">
                <Anchor
                  component={Link}
                  href={paths.opportunity(dealId, focusKey(item.kind, item.key))}
                  size="sm"
                  underline="always"
                >
                  {item.label}
                </Anchor>{' '}
                — {item.message}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
