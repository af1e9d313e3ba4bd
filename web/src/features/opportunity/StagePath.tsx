import { Button, Group, Tooltip } from '@mantine/core';
import type { Opportunity, Pipeline } from '../../api';
import { forwardPath } from '../../shared/playbook';

interface Props {
  pipeline: Pipeline;
  opportunity: Opportunity;
  busy: boolean;
  onPick: (stage: string) => void;
}

/**
 * The stages across the top, like Salesforce Path — but a click asks the gate: a stage is reached only when
 * its criteria are met (or with the reason a backward move or Closed Lost needs).
 */
export function StagePath({ pipeline, opportunity, busy, onPick }: Props) {
  const path = forwardPath(pipeline);
  const lost = pipeline.stages.filter((stage) => stage.outcome === 'lost');
  const currentIndex = path.findIndex((stage) => stage.key === opportunity.stage);
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
        return (
          <li key={stage.key} style={{ flex: '1 0 auto', display: 'flex' }}>
            <Tooltip label={`${stage.probability}% · ${current ? 'current stage' : `move to ${stage.name}`}`}>
              <Button
                size="xs"
                radius="xl"
                color={color}
                variant={current ? 'filled' : done ? 'light' : 'default'}
                aria-current={current ? 'step' : undefined}
                disabled={busy}
                onClick={() => !current && onPick(stage.key)}
                leftSection={done ? '✓' : undefined}
                style={{ flex: '1 0 auto' }}
              >
                {stage.name}
              </Button>
            </Tooltip>
          </li>
        );
      })}
    </Group>
  );
}
