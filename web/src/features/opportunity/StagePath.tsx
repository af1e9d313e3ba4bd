import { Box, Button, Group, Tooltip } from '@mantine/core';
import type { Opportunity, Permission, Pipeline } from '../../api';
import { forwardPath } from '../../shared/playbook';

interface Props {
  pipeline: Pipeline;
  opportunity: Opportunity;
  busy: boolean;
  /** moveStage for an open deal, reopen for a closed one: without it the path is shown, not offered. */
  permission: Permission;
  onPick: (stage: string) => void;
}

/**
 * The stages across the top, like Salesforce Path — but a click asks the gate: a stage is reached only when
 * its criteria are met (or with the reason a backward move or Closed Lost needs). A caller who may not move
 * the deal sees the path without buttons (who may is said beside it).
 */
export function StagePath({ pipeline, opportunity, busy, permission, onPick }: Props) {
  const path = forwardPath(pipeline);
  const lost = pipeline.stages.filter((stage) => stage.outcome === 'lost');
  const currentIndex = path.findIndex((stage) => stage.key === opportunity.stage);
  const open = pipeline.stages.find((stage) => stage.key === opportunity.stage)?.outcome === 'open';
  const requires = open ? 'moveStage' : 'reopen';
  return (
    <Group
      component="ol"
      gap={4}
      wrap="nowrap"
      aria-label="Stage path"
      style={{ overflowX: 'auto', listStyle: 'none', margin: 0, padding: 0 }}
    >
      {[...path, ...lost].map((stage, index) => {
        const current = stage.key === opportunity.stage;
        const done = currentIndex >= 0 && index < currentIndex && stage.outcome !== 'lost';
        const color = stage.outcome === 'lost' ? 'red' : stage.outcome === 'won' ? 'green' : 'indigo';
        const variant = current ? 'filled' : done ? 'light' : 'default';
        return (
          <li key={stage.key} style={{ flex: '1 0 auto', display: 'flex' }}>
            {permission.allowed && !current ? (
              <Tooltip label={`${stage.probability}% · move to ${stage.name}`}>
                <Button
                  size="xs"
                  radius="xl"
                  color={color}
                  variant={variant}
                  disabled={busy}
                  onClick={() => onPick(stage.key)}
                  leftSection={done ? '✓' : undefined}
                  style={{ flex: '1 0 auto' }}
                  data-requires={requires}
                >
                  {stage.name}
                </Button>
              </Tooltip>
            ) : (
              <Box
                aria-current={current ? 'step' : undefined}
                data-stage={stage.key}
                px="sm"
                py={4}
                style={{
                  flex: '1 0 auto',
                  textAlign: 'center',
                  fontSize: 'var(--mantine-font-size-xs)',
                  fontWeight: 600,
                  borderRadius: 999,
                  border: `1px solid ${current ? 'transparent' : 'var(--mantine-color-gray-4)'}`,
                  background: current
                    ? `var(--mantine-color-${color}-8)`
                    : done
                      ? `var(--mantine-color-${color}-1)`
                      : 'var(--mantine-color-white)',
                  color: current
                    ? 'var(--mantine-color-white)'
                    : `var(--mantine-color-${done ? color : 'dark'}-9)`,
                }}
              >
                {done ? '✓ ' : ''}
                {stage.name}
              </Box>
            )}
          </li>
        );
      })}
    </Group>
  );
}
