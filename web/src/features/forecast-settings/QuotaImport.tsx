import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, describeError } from '../../api';
import { useImportQuotas } from './queries';

/** The size the server takes (a bigger file: split it). */
const MAX_CHARS = 1_000_000;

interface Props {
  /** An owner's e-mail and a quarter's first day for the example lines. */
  exampleEmail: string;
  exampleQuarterStart: string;
  exampleYearStart: string;
  companyCurrency: string;
}

/** The messages of a failed import: one per bad line ("line 4, Amount: …"), or the whole error. */
function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError && (error.problem.errors?.length ?? 0) > 0)
    return (error.problem.errors ?? []).map((issue) => issue.message);
  return error ? [describeError(error)] : [];
}

/** Quotas from a CSV file, uploaded or pasted: every bad line is listed and nothing is imported until all are good. */
export function QuotaImport({ exampleEmail, exampleQuarterStart, exampleYearStart, companyCurrency }: Props) {
  const importing = useImportQuotas();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [empty, setEmpty] = useState(false);
  const template = [
    'OwnerEmail,Period,PeriodStart,Amount',
    `${exampleEmail},quarter,${exampleQuarterStart},250000`,
    `${exampleEmail},fiscal_year,${exampleYearStart},1000000.50`,
  ].join('\n');
  const problems = problemsOf(importing.error);

  const change = (text: string) => {
    setCsv(text);
    setEmpty(false);
    importing.reset();
  };
  const upload = async (chosen: File | null) => {
    setFile(chosen);
    if (chosen) change(await chosen.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) return setEmpty(true);
    importing.mutate({ csv });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-title">
      <form onSubmit={submit} aria-label="Import quotas from CSV" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-title">
            Import quotas from CSV
          </Title>
          <Text size="sm" c="dimmed">
            One quota a line, under a header row with the columns <Code>OwnerEmail</Code>, <Code>Period</Code>{' '}
            (<Code>month</Code>, <Code>quarter</Code> or <Code>fiscal_year</Code>), <Code>PeriodStart</Code>{' '}
            (the first day of that fiscal period, YYYY-MM-DD) and <Code>Amount</Code> (in {companyCurrency},
            e.g. 250000 or 250000.50). Owners are found by e-mail. A quota that exists is replaced; the others
            stay. If any line is wrong, nothing is imported and every wrong line is listed.
          </Text>
          <Text size="sm" fw={500}>
            Example
          </Text>
          <Code block aria-label="Example quota file">
            {template}
          </Code>
          <Anchor
            size="sm"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\n`)}`}
            download="quotas-template.csv"
          >
            Download this example as a template
          </Anchor>
          <FileInput
            label="Upload a CSV file"
            placeholder="Choose a .csv file"
            // Mantine's placeholder grey is too faint for WCAG AA text contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept=".csv,text/csv"
            value={file}
            onChange={(chosen) => void upload(chosen)}
            clearable
            maw={360}
          />
          <Textarea
            label="Or paste the file"
            description="What the file holds, header row first (an upload shows here)."
            value={csv}
            onChange={(e) => change(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={MAX_CHARS}
            styles={{ input: { fontFamily: 'monospace' } }}
            error={empty ? 'Upload or paste a quota file first.' : undefined}
          />
          {problems.length > 0 && (
            <Alert color="red" role="alert" title="Nothing was imported">
              <Text size="sm" mb="xs">
                {problems.length === 1
                  ? 'Fix this and import again:'
                  : `Fix these ${problems.length} problems and import again:`}
              </Text>
              <List size="sm" spacing={2} aria-label="Problems by line">
                {problems.map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {importing.data && (
            <Alert color="teal" role="status" title="Quotas imported">
              {importing.data.updated === 1 ? '1 quota' : `${importing.data.updated} quotas`} set for{' '}
              {importing.data.owners === 1 ? '1 owner' : `${importing.data.owners} owners`}.
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={importing.isPending}>
              Import quotas
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
