import { Badge, Box, Text } from '@mantine/core';
import type { ClosingStep } from './closing-steps';

const COLOR = { done: 'green', current: 'blue', upcoming: 'gray' } as const;
const MARK = { done: '✓', current: '●', upcoming: '○' } as const;
const STATE_WORDS = { done: 'done', current: 'under way', upcoming: 'to come' } as const;

/**
 * The closing flow as a row of steps (an ordered list): each says its state, who acts on it and where it
 * stands; the step under way is marked for assistive technology too (aria-current).
 */
export function ClosingStepper({ steps }: { steps: ClosingStep[] }) {
  return (
    <Box
      component="ol"
      aria-label="Closing steps"
      data-testid="closing-stepper"
      m={0}
      p={0}
      style={{
        listStyle: 'none',
        display: 'grid',
        gap: 8,
        gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))',
      }}
    >
      {steps.map((step, index) => (
        <Box
          component="li"
          key={step.key}
          data-step={step.key}
          data-state={step.state}
          aria-current={step.state === 'current' ? 'step' : undefined}
          p={8}
          style={{
            borderRadius: 8,
            border: `1px solid var(--mantine-color-${COLOR[step.state]}-${step.state === 'upcoming' ? 3 : 6})`,
            background: step.state === 'current' ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Badge size="xs" variant="light" color={COLOR[step.state]}>
            <span aria-hidden>{MARK[step.state]}</span> {index + 1}. {STATE_WORDS[step.state]}
          </Badge>
          <Text size="sm" fw={600} mt={2}>
            {step.label}
          </Text>
          <Text size="xs">{step.actor}</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {step.detail}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
