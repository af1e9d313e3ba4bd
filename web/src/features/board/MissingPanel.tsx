import { Alert, Anchor, Badge, CloseButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { MissingRequirement, Pipeline } from '../../api';
import { groupMissing } from '../../shared/missing';
import { focusKey, paths } from '../../shared/paths';

export interface BlockedMove {
  dealId: string;
  dealName: string;
  toName: string;
  missing: MissingRequirement[];
  /** The furthest stage the deal could reach now, as the refusal says (null: none). */
  reachable: { stage: string; name: string } | null;
}

/** Each kind of requirement in a word; a qualification level by the playbook's framework (MEDDPICC, BANT, …). */
const kindWords = (framework: string): Record<MissingRequirement['kind'], string> => ({
  criterion: 'criterion',
  meddpicc: framework,
  field: 'field',
  transition: 'move',
  customer_fit: 'deal type',
});

function phaseOf(item: MissingRequirement): string | null {
  if (!item.phase) return null;
  if (item.kind === 'criterion') return `${item.phase} criterion`;
  return `to ${item.phase === 'exit' ? 'leave' : 'enter'}`;
}

/** Where a requirement is fixed in the deal's workspace: the type field for the type rule, else the item. */
const fixAt = (dealId: string, item: MissingRequirement) =>
  item.kind === 'customer_fit'
    ? paths.opportunity(dealId, focusKey('field', 'type'))
    : paths.opportunity(dealId, focusKey(item.kind, item.key));

interface Props {
  blocked: BlockedMove;
  pipeline: Pipeline;
  /** The playbook's qualification framework, naming qualification requirements. */
  framework: string;
  onClose: () => void;
}

/**
 * What the gate said is missing, grouped by the stage each requirement belongs to (each once), with the
 * furthest stage the deal could reach now and a link to fix each item in the deal's workspace.
 */
export function MissingPanel({ blocked, pipeline, framework, onClose }: Props) {
  const kinds = kindWords(framework);
  const groups = groupMissing(blocked.missing, pipeline);
  const count = groups.reduce((sum, group) => sum + group.items.length, 0);
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="missing-panel"
      title={`${blocked.dealName} cannot move to ${blocked.toName} yet: ${count} ${
        count === 1 ? 'requirement is' : 'requirements are'
      } missing`}
      withCloseButton={false}
    >
      <CloseButton
        aria-label="Close the list of missing requirements"
        onClick={onClose}
        pos="absolute"
        top={8}
        right={8}
      />
      <Text size="sm" mb="xs" data-testid="reachable">
        {blocked.reachable
          ? `The furthest it could move now: ${blocked.reachable.name}.`
          : 'It cannot move forward yet.'}
      </Text>
      <Stack gap="xs">
        {groups.map((group) => (
          <div key={group.stage} data-testid="missing-group" data-stage={group.stage}>
            <Title order={2} size="h5" mb={2}>
              {group.stageName}
            </Title>
            <List spacing={4} size="sm">
              {group.items.map((item) => (
                <List.Item
                  key={`${item.kind}:${item.key}`}
                  data-testid="missing-item"
                  data-kind={item.kind}
                  data-key={item.key}
                  data-source={item.source}
                  data-required={item.required}
                >
                  <Group gap={6} wrap="wrap">
                    <Badge size="xs" variant="outline">
                      {kinds[item.kind]}
                    </Badge>
                    <Text size="sm" fw={500}>
                      {item.label}
                    </Text>
                    {phaseOf(item) && (
                      <Text size="xs" c="dimmed">
                        {phaseOf(item)}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs">
                    {item.message}{' '}
                    {item.kind !== 'transition' && (
                      <Anchor
                        component={Link}
                        href={fixAt(blocked.dealId, item)}
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
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
