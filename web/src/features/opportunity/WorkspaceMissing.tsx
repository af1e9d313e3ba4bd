import { Alert, Anchor, Button, CloseButton, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { MissingRequirement, Permission, Pipeline } from '../../api';
import { groupMissing } from '../../shared/missing';
import { WhoMay } from '../../shared/permission';
import { fixFocus } from './focus';
import { useFocusHref } from './workspace-context';

interface Props {
  pipeline: Pipeline;
  toName: string;
  missing: MissingRequirement[];
  /** The furthest stage the deal could reach now (from the refusal, else the deal as read). */
  reachable: { stage: string; name: string } | null;
  /** Forcing the move with a justification: offered only to those who may. */
  override: Permission;
  busy: boolean;
  onOverride: () => void;
  onClose: () => void;
}

/**
 * The gate's refusal on the stage path: what is missing grouped by the stage it belongs to (each requirement
 * once), the furthest stage the deal could reach now, and each item linking to where it is fixed.
 */
export function WorkspaceMissing(props: Props) {
  const { pipeline, toName, missing, reachable, override } = props;
  const hrefOf = useFocusHref();
  const groups = groupMissing(missing, pipeline);
  return (
    <Alert
      color="orange"
      role="alert"
      title={`Not yet ready for ${toName}`}
      data-testid="missing-panel"
      mah="40vh"
      style={{ overflowY: 'auto' }}
    >
      <CloseButton aria-label="Close" onClick={props.onClose} pos="absolute" top={8} right={8} />
      <Stack gap={6}>
        <Text size="sm" data-testid="reachable">
          {reachable
            ? `The furthest stage it could reach now: ${reachable.name}.`
            : 'It cannot move forward yet.'}
        </Text>
        {groups.map((group) => (
          <Stack gap={2} key={group.stage} data-testid="missing-group" data-stage={group.stage}>
            <Text size="sm" fw={600}>
              {group.stageName}
            </Text>
            <List size="sm" spacing={2}>
              {group.items.map((item) => {
                const focus = fixFocus(item, pipeline);
                return (
                  <List.Item
                    key={`${item.kind}:${item.key}`}
                    data-testid="missing-item"
                    data-kind={item.kind}
                    data-key={item.key}
                  >
                    <Text size="sm">
                      {focus ? (
                        <Anchor component={Link} href={hrefOf(focus)} size="sm" underline="always">
                          {item.label}
                        </Anchor>
                      ) : (
                        item.label
                      )}{' '}
                      — {item.message}
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        ))}
        {override.allowed ? (
          <Group>
            <Button
              size="xs"
              variant="light"
              color="red"
              disabled={props.busy}
              onClick={props.onOverride}
              data-requires="override"
            >
              Move to {toName} anyway (override)…
            </Button>
          </Group>
        ) : (
          <WhoMay permission={override} what="Override the gate" />
        )}
      </Stack>
    </Alert>
  );
}
