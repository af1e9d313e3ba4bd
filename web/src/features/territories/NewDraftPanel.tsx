import { Button, FileButton, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { TerritoryModelDetail, TerritoryModelSummary } from '../../api';
import { ErrorState } from '../../shared/states';
import { modelProblems, problemInWords } from './problems';
import { useCreateDraft } from './queries';

/** A new draft: a copy of the active version, or a territories file imported by paste or upload. */
export function NewDraftPanel({
  active,
  onCreated,
}: {
  active: TerritoryModelSummary | undefined;
  onCreated: (draft: TerritoryModelDetail) => void;
}) {
  const [source, setSource] = useState('');
  const create = useCreateDraft();
  const problems = modelProblems(create.error);
  const upload = async (file: File | null) => {
    if (!file) return;
    setSource(await file.text());
    create.reset();
  };
  const done = (draft: TerritoryModelDetail) => {
    setSource('');
    onCreated(draft);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          New draft
        </Title>
        <Text size="sm" c="dimmed">
          A draft changes nothing until it is activated. Start from the active version, or import a
          territories file (YAML or JSON, as <code>closepath territory check</code> reads it).
        </Text>
        {active && (
          <Group>
            <Button
              variant="default"
              loading={create.isPending && create.variables && 'copyOf' in create.variables}
              onClick={() => create.mutate({ copyOf: active.id }, { onSuccess: done })}
            >
              Copy the active version (v{active.version})
            </Button>
          </Group>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ source }, { onSuccess: done });
          }}
        >
          <Stack gap="sm">
            <Textarea
              label="Territories file"
              description="Paste the file, or upload it"
              value={source}
              onChange={(event) => setSource(event.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={14}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              error={
                problems.length > 0 ? (
                  <List size="xs" spacing={0}>
                    {problems.map((problem) => (
                      <List.Item key={`${problem.path}/${problem.line ?? ''}/${problem.message}`}>
                        {problemInWords(problem)}
                      </List.Item>
                    ))}
                  </List>
                ) : undefined
              }
            />
            <Group>
              <FileButton
                onChange={(file) => void upload(file)}
                accept=".yaml,.yml,.json,application/json,text/yaml"
              >
                {(props) => (
                  <Button variant="default" {...props}>
                    Upload a file
                  </Button>
                )}
              </FileButton>
              <Button
                type="submit"
                disabled={source.trim() === ''}
                loading={create.isPending && 'source' in (create.variables ?? {})}
              >
                Import as a draft
              </Button>
            </Group>
          </Stack>
        </form>
        {create.error && problems.length === 0 && (
          <ErrorState title="Could not create the draft" error={create.error} />
        )}
      </Stack>
    </Paper>
  );
}
