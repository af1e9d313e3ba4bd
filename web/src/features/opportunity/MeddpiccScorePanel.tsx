import { Badge, Group, Paper, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Inspection, MeddpiccReadiness, Pipeline } from '../../api';
import { humanize } from '../../shared/format';
import { findStage } from '../../shared/playbook';
import { ErrorState, LoadingState } from '../../shared/states';
import { frameworkOf } from '../../shared/words';
import { useInspection } from './queries';
import { useWorkspace } from './workspace-context';

const SEVERITY_COLORS = { high: 'red', medium: 'orange', low: 'gray' } as const;
const LEVEL_RANK = { unknown: 0, identified: 1, validated: 2 } as const;

function Readiness({
  title,
  readiness,
  pipeline,
  score,
  framework,
}: {
  title: string;
  readiness: MeddpiccReadiness | null;
  pipeline: Pipeline;
  score: Inspection['meddpicc'];
  framework: string;
}) {
  if (!readiness) return null;
  const stage = findStage(pipeline, readiness.stage)?.name ?? readiness.stage;
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {title} {stage}
        </Text>
        <Badge size="xs" variant="light" color={readiness.ready ? 'green' : 'orange'}>
          {readiness.ready ? 'ready' : 'not ready'}
        </Badge>
      </Group>
      {readiness.required.length === 0 && <Text size="xs">No {framework} level required.</Text>}
      {readiness.required.map((need) => {
        const element = score.elements.find((candidate) => candidate.element === need.element);
        const met = element ? LEVEL_RANK[element.level] >= LEVEL_RANK[need.level] : false;
        return (
          <Text key={need.element} size="xs" c={met ? undefined : 'orange.8'}>
            {met ? '✓' : '✗'} {element?.name ?? humanize(need.element)} {need.level}
            {!met && ` (now ${element?.level ?? 'unknown'})`}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The qualification score (0–100, "MEDDPICC score"), readiness to leave this stage and the next, and the gaps by severity. */
export function MeddpiccScorePanel({ id, pipeline }: { id: string; pipeline: Pipeline }) {
  const inspection = useInspection(id);
  const score = inspection.data?.meddpicc;
  const framework = frameworkOf(useWorkspace().playbook);
  return (
    <Paper withBorder p="md" radius="md" data-testid="meddpicc-score">
      <Title order={2} size="h3" mb="xs">
        {framework} score
      </Title>
      {inspection.isPending && <LoadingState label={`Scoring ${framework}…`} />}
      {inspection.isError && (
        <ErrorState
          title={`Could not score ${framework}`}
          error={inspection.error}
          onRetry={() => inspection.refetch()}
        />
      )}
      {score && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Group gap="sm" align="center" wrap="nowrap">
            <RingProgress
              size={84}
              thickness={9}
              roundCaps
              sections={[
                {
                  value: score.score,
                  color: score.score >= 75 ? 'green' : score.score >= 40 ? 'yellow' : 'red',
                },
              ]}
              label={
                <Text ta="center" fw={700} size="sm">
                  {score.score}
                </Text>
              }
              aria-label={`${framework} score ${score.score} of 100`}
            />
            <Stack gap={0}>
              {score.elements.map((element) => (
                <Text key={element.element} size="xs">
                  {'●'.repeat(element.points)}
                  {'○'.repeat(2 - element.points)} {element.name}
                </Text>
              ))}
            </Stack>
          </Group>
          <Stack gap="xs">
            <Readiness
              title="To leave"
              readiness={score.readiness.current}
              pipeline={pipeline}
              score={score}
              framework={framework}
            />
            <Readiness
              title="Then to leave"
              readiness={score.readiness.next}
              pipeline={pipeline}
              score={score}
              framework={framework}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Gaps
            </Text>
            {score.gaps.length === 0 && <Text size="xs">No gaps for this stage.</Text>}
            {score.gaps.map((gap) => (
              <Group key={`${gap.element}:${gap.stage}`} gap={4} wrap="nowrap" align="flex-start">
                <Badge size="xs" variant="light" color={SEVERITY_COLORS[gap.severity]}>
                  {gap.severity}
                </Badge>
                <Text size="xs">{gap.message}</Text>
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
