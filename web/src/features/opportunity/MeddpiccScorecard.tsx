import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Contact, MeddpiccLevel, OpportunityView, Pipeline, Playbook } from '../../api';
import { MeddpiccRow } from './MeddpiccRow';
import { describeNeeds, levelNeededToLeave } from './meddpicc-needs';

interface Props {
  playbook: Playbook;
  pipeline: Pipeline;
  view: OpportunityView;
  contacts: Contact[];
  focus: string | null;
  busy: boolean;
  onSave: (
    element: string,
    value: { level: MeddpiccLevel; summary: string | null; contactId: string | null },
  ) => void;
}

/** MEDDPICC: each element's level (unknown → identified → validated), summary and person. */
export function MeddpiccScorecard({ playbook, pipeline, view, contacts, focus, busy, onSave }: Props) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={0}>
        <Title order={2} size="h3">
          MEDDPICC
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          Cumulative: the levels needed to leave a stage stay needed in every later stage.
        </Text>
        {playbook.meddpicc.map((element) => {
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
              contacts={contacts}
              busy={busy}
              focused={focus === `meddpicc:${element.key}`}
              onSave={onSave}
            />
          );
        })}
      </Stack>
    </Paper>
  );
}
