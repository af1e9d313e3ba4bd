import { Paper, Stack, Text, Title } from '@mantine/core';
import { WhoMay } from '../../shared/permission';
import { frameworkOf } from '../../shared/words';
import { MeddpiccRow } from './MeddpiccRow';
import { describeNeeds, levelNeededToLeave } from './meddpicc-needs';
import { useWorkspace } from './workspace-context';

/** The qualification framework (MEDDPICC, BANT, …): each element's level (unknown → identified → validated), summary and person. */
export function MeddpiccScorecard() {
  const { playbook, pipeline, view, focus } = useWorkspace();
  const framework = frameworkOf(playbook);
  return (
    <Paper withBorder p="md" radius="md" id="meddpicc">
      <Stack gap={0}>
        <Title order={2} size="h3">
          {framework}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          Cumulative: the levels needed to leave a stage stay needed in every later stage.
        </Text>
        <WhoMay permission={view.permissions.qualify} what={`Record ${framework}`} />
        {playbook.qualification.elements.map((element) => {
          const entry = view.meddpicc.find((candidate) => candidate.element === element.key) ?? {
            element: element.key,
            level: 'unknown' as const,
            summary: null,
            contactId: null,
            updatedBy: null,
            updatedAt: null,
          };
          return (
            <MeddpiccRow
              key={`${element.key}:${entry.updatedAt ?? ''}`}
              element={element}
              entry={entry}
              needs={describeNeeds(pipeline, element.key)}
              neededNow={levelNeededToLeave(pipeline, view.opportunity.stage, element.key)}
              focused={focus === `meddpicc:${element.key}`}
            />
          );
        })}
      </Stack>
    </Paper>
  );
}
