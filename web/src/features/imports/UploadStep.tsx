import { Alert, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FilePicker } from './FilePicker';
import {
  fileRowsInWords,
  formatSize,
  MAX_UPLOAD_BYTES,
  readUploadedFile,
  type UploadedFile,
} from './uploaded-file';

export interface UploadedFiles {
  accounts: UploadedFile | null;
  opportunities: UploadedFile | null;
}

/** Whether the files can be sent: at least one, none too large. */
export const filesReady = (files: UploadedFiles) =>
  Boolean(files.accounts || files.opportunities) &&
  [files.accounts, files.opportunities].every((file) => !file || file.size <= MAX_UPLOAD_BYTES);

/** The columns without which a file is not the export it is named for. */
const REQUIRED = { accounts: ['Id', 'Name'], opportunities: ['Id', 'AccountId', 'StageName', 'CloseDate'] };

function FileSummary({ file, kind }: { file: UploadedFile | null; kind: keyof UploadedFiles }) {
  if (!file)
    return (
      <Text size="sm" c="dimmed">
        Not uploaded yet.
      </Text>
    );
  const missing = REQUIRED[kind].filter((column) => !file.table.header.includes(column));
  return (
    <Stack gap={4} data-testid={`uploaded-${kind}`}>
      <Text size="sm">
        <b>{file.name}</b> · {formatSize(file.size)} · {fileRowsInWords(file)}
      </Text>
      {file.size > MAX_UPLOAD_BYTES && (
        <Text size="sm" c="red.8" role="alert">
          Too large to upload (more than 512 MB): import it with <code>closepath import salesforce</code>,
          which streams files of any size.
        </Text>
      )}
      {missing.length > 0 && (
        <Text size="sm" c="red.8" role="alert">
          This file has no {missing.join(', ')} column: is it the right export?
        </Text>
      )}
    </Stack>
  );
}

/** Step 1: Account.csv and Opportunity.csv from a Salesforce data export, read in the browser. */
export function UploadStep({
  files,
  onChange,
}: {
  files: UploadedFiles;
  onChange: (files: UploadedFiles) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const choose = (kind: keyof UploadedFiles) => async (file: File | null) => {
    setFailure(null);
    try {
      onChange({ ...files, [kind]: file ? await readUploadedFile(file) : null });
    } catch (error) {
      setFailure(`Could not read ${file?.name ?? 'the file'}: ${(error as Error).message}`);
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm">
        A Salesforce <b>data export</b> (Setup → Data Export → Export Now, or Schedule Export) is a zip of one
        CSV file per object, with Salesforce's field names as columns. Closepath reads two of them:
      </Text>
      <List size="sm">
        <List.Item>
          <b>Account.csv</b>: the accounts (Id, Name, Website, Billing address, OwnerId). Give it when the
          deals' accounts are not in Closepath yet.
        </List.Item>
        <List.Item>
          <b>Opportunity.csv</b>: the deals (Id, AccountId, Name, StageName, Amount, CurrencyIsoCode,
          CloseDate, Type, LeadSource, OwnerId).
        </List.Item>
      </List>
      <Text size="sm" c="dimmed">
        A re-import updates what an earlier import created (by Salesforce Id). Each file is uploaded as it is
        (up to 512 MB) and read by the server a chunk at a time; larger exports go through{' '}
        <code>closepath import salesforce</code>, which streams files of any size.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <FilePicker
              label="Account.csv"
              accept=".csv,text/csv"
              onFile={(file) => void choose('accounts')(file)}
            />
            <FileSummary file={files.accounts} kind="accounts" />
          </Stack>
        </Paper>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <FilePicker
              label="Opportunity.csv"
              accept=".csv,text/csv"
              onFile={(file) => void choose('opportunities')(file)}
            />
            <FileSummary file={files.opportunities} kind="opportunities" />
          </Stack>
        </Paper>
      </SimpleGrid>
      {failure && (
        <Alert color="red" role="alert" title="The file could not be read">
          {failure}
        </Alert>
      )}
      {!files.accounts && !files.opportunities && (
        <Group>
          <Text size="sm" c="dimmed">
            Choose at least one file to go on.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
