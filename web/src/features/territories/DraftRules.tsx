import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TerritoryModel, TerritoryModelDetail } from '../../api';
import { useGeography } from '../../shared/geography';
import { ErrorState } from '../../shared/states';
import { useUsers } from '../../shared/users';
import { MoveCountryForm } from './MoveCountryForm';
import { modelProblems, problemInWords } from './problems';
import { useSaveDraft } from './queries';
import { RuleTable } from './RuleTable';

/**
 * The rule table of a version; for a draft and a RevOps admin, editable: each territory's AE, each rule's
 * codes, moving a country. Saved as a whole with the row version read; the server's problems are shown at
 * their fields (the rest above the table). Mount it afresh per row version (`key`): a save starts clean.
 */
export function DraftRules({ detail, editable }: { detail: TerritoryModelDetail; editable: boolean }) {
  const geography = useGeography();
  const users = useUsers();
  const save = useSaveDraft();
  const [edited, setEdited] = useState<TerritoryModel | null>(null);
  const model = edited ?? detail.model;
  const problems = modelProblems(save.error);
  const problemAt = (path: string) =>
    problems
      .filter((problem) => problem.path === path || problem.path.startsWith(`${path}.`))
      .map((problem) => problem.message)
      .join('; ') || undefined;
  const placed = (path: string) => /^territories\.\d+\.(ae|rules\.\d+)/.test(path);
  const unplaced = problems.filter((problem) => !placed(problem.path));
  const names = new Map(
    detail.people.flatMap((person) => (person.name ? [[person.email, person.name]] : [])),
  );
  for (const user of users.data ?? []) if (!names.has(user.email)) names.set(user.email, user.name);
  const aeOptions = (users.data ?? [])
    .filter((user) => user.role === 'ae' && user.active)
    .map((user) => ({ value: user.email, label: user.name }));

  return (
    <Paper withBorder p="md" aria-labelledby="rules-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="rules-title">
            Territories and rules
          </Title>
          {editable && (
            <Group gap="xs">
              <Button
                variant="default"
                disabled={!edited}
                onClick={() => {
                  setEdited(null);
                  save.reset();
                }}
              >
                Discard changes
              </Button>
              <Button
                disabled={!edited}
                loading={save.isPending}
                onClick={() =>
                  edited && save.mutate({ id: detail.id, model: edited, rowVersion: detail.rowVersion })
                }
              >
                Save draft
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          A more specific level always wins: metro over subdivision over country over country set; within a
          level, a rule for named segments beats one for all. Two rules of the same precedence that match one
          geography are an overlap.
        </Text>
        {editable && edited && (
          <Alert color="yellow" title="Unsaved changes">
            The map, the coverage and the preview show the saved draft until you save.
          </Alert>
        )}
        {unplaced.length > 0 && (
          <Alert color="red" role="alert" title="The draft was not saved">
            <List size="sm">
              {unplaced.map((problem) => (
                <List.Item key={`${problem.path}/${problem.message}`}>{problemInWords(problem)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {save.error && problems.length === 0 && (
          <ErrorState title="The draft was not saved" error={save.error} />
        )}
        {editable && problems.length > 0 && unplaced.length === 0 && (
          <Text size="sm" c="red.8" role="alert">
            The draft was not saved: correct the fields marked in the table.
          </Text>
        )}
        {editable && <MoveCountryForm model={model} geography={geography.data} onChange={setEdited} />}
        <RuleTable
          model={model}
          names={geography.data}
          personName={(email) => names.get(email) ?? email}
          editing={editable ? { onChange: setEdited, aeOptions, problemAt } : undefined}
        />
      </Stack>
    </Paper>
  );
}
