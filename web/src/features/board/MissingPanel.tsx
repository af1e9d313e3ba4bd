import { Alert, Anchor, Badge, CloseButton, Group, List, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { MissingRequirement } from '../../api';
import { focusKey, paths } from '../../shared/paths';

export interface BlockedMove {
  dealId: string;
  dealName: string;
  toName: string;
  missing: MissingRequirement[];
}

function where(item: MissingRequirement, stageName: (key: string) => string): string {
  const phase =
    item.phase &&
    (item.kind === 'criterion'
      ? `${item.phase} criterion`
      : `to ${item.phase === 'exit' ? 'leave' : 'enter'}`);
  return [stageName(item.stage), phase].filter(Boolean).join(' · ');
}

/** What the gate said is missing, each item with a link to fix it in the deal's workspace. */
interface Props {
  blocked: BlockedMove;
  stageName: (key: string) => string;
  onClose: () => void;
}

export function MissingPanel({ blocked, stageName, onClose }: Props) {
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="missing-panel"
      title={
        <Group justify="space-between" wrap="nowrap" w="100%">
          <span>
            {blocked.dealName} cannot move to {blocked.toName} yet: {blocked.missing.length}{' '}
            {blocked.missing.length === 1 ? 'requirement is' : 'requirements are'} missing
          </span>
        </Group>
      }
      withCloseButton={false}
    >
      <CloseButton
        aria-label="Close the list of missing requirements"
        onClick={onClose}
        pos="absolute"
        top={8}
        right={8}
      />
      <List spacing={4} size="sm">
        {blocked.missing.map((item) => (
          <List.Item
            key={`${item.kind}:${item.stage}:${item.key}`}
            data-testid="missing-item"
            data-kind={item.kind}
            data-key={item.key}
            data-source={item.source}
            data-required={item.required}
          >
            <Group gap={6} wrap="wrap">
              <Badge size="xs" variant="outline">
                {item.kind === 'meddpicc' ? 'MEDDPICC' : item.kind}
              </Badge>
              <Text size="sm" fw={500}>
                {item.label}
              </Text>
              <Text size="xs" c="dimmed">
                {where(item, stageName)}
              </Text>
            </Group>
            <Text size="xs">
              {item.message}{' '}
              {item.kind !== 'transition' && (
                <Anchor
                  component={Link}
                  href={paths.opportunity(blocked.dealId, focusKey(item.kind, item.key))}
                  size="xs"
                  underline="always"
                >
                  Fix in the workspace
                </Anchor>
              )}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
