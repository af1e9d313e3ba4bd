import { Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api';
import { ErrorState } from '../../shared/states';
import { PreviewResult } from './PreviewResult';
import { usePreviewPlaybook } from './queries';

/** The 400's issues about the file, one per line ("pipelines[0].stages[2].probability: …", or a YAML line/column). */
function fileProblems(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const issues = error.problem.errors ?? [];
  return issues
    .map((issue) => {
      const path = issue.path.replace(/^body\.source\.?/, '');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('\n');
}

/** Paste or upload a candidate playbook; the server judges it against the version in force and the live data. */
export function PreviewPanel() {
  const [source, setSource] = useState('');
  const preview = usePreviewPlaybook();
  const problems = fileProblems(preview.error);
  const upload = async (file: File | null) => {
    if (!file) return;
    setSource(await file.text());
    preview.reset();
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Preview a change
        </Title>
        <Text size="sm" c="dimmed">
          Paste the new playbook file (YAML or JSON) or upload it. Nothing changes here: you see which stages
          and criteria differ, how probabilities move, and whether the server would start with the file — a
          stage, criterion, type or element that deals still use must be mapped to a new key under{' '}
          <code>mappings:</code>. The change takes effect when the server is restarted with the file.
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            preview.mutate(source);
          }}
        >
          <Stack gap="sm">
            <Textarea
              label="Candidate playbook"
              description="The whole file, as you would pass it to closepath serve --playbook"
              value={source}
              onChange={(event) => setSource(event.currentTarget.value)}
              autosize
              minRows={8}
              maxRows={20}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              error={problems ? <span style={{ whiteSpace: 'pre-wrap' }}>{problems}</span> : undefined}
              required
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
              <Button type="submit" loading={preview.isPending} disabled={source.trim() === ''}>
                Preview the change
              </Button>
            </Group>
          </Stack>
        </form>
        {preview.error && !problems && (
          <ErrorState title="Could not preview the change" error={preview.error} />
        )}
        {preview.data && <PreviewResult preview={preview.data} />}
      </Stack>
    </Paper>
  );
}
