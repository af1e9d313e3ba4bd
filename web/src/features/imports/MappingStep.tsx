import { Button, Grid, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { usePlaybook } from '../../shared/playbook';
import { FilePicker } from './FilePicker';
import { MappedValuesTable } from './MappedValuesTable';
import { mappedValues, readMapping } from './mapping-values';
import type { UploadedFiles } from './UploadStep';

/** Step 2: the mapping file, edited beside the files' values and what it maps them to. */
export function MappingStep({
  files,
  mapping,
  template,
  onChange,
  refusal,
}: {
  files: UploadedFiles;
  mapping: string;
  template: string | undefined;
  onChange: (mapping: string) => void;
  /** The server's reasons for refusing the mapping (400 at body.mapping), each with its path. */
  refusal: string[];
}) {
  const playbook = usePlaybook().data;
  const [openFailure, setOpenFailure] = useState<string | null>(null);
  const read = useMemo(() => readMapping(mapping), [mapping]);
  const values = useMemo(
    () =>
      playbook && 'mapping' in read
        ? mappedValues(playbook, read.mapping, {
            accounts: files.accounts?.table ?? null,
            opportunities: files.opportunities?.table ?? null,
          })
        : { values: [], refusedRows: 0 },
    [playbook, read, files],
  );
  const open = async (file: File | null) => {
    setOpenFailure(null);
    if (!file) return;
    try {
      onChange(await file.text());
    } catch (error) {
      setOpenFailure(`Could not read ${file.name}: ${(error as Error).message}`);
    }
  };
  const errors = [...('error' in read ? [read.error] : []), ...refusal];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="sm">
          <Textarea
            label="Mapping file (YAML)"
            description={
              'How the export’s values become the playbook’s: stages per pipeline, types, owners (Salesforce ' +
              'user id → e-mail), the default currency, lead sources. It starts as a mapping made for this ' +
              'playbook; edit it, or open a saved one.'
            }
            value={mapping}
            onChange={(event) => onChange(event.currentTarget.value)}
            autosize
            minRows={12}
            maxRows={28}
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            error={
              errors.length > 0 ? (
                <List size="xs" spacing={0} data-testid="mapping-errors">
                  {errors.map((message) => (
                    <List.Item key={message}>{message}</List.Item>
                  ))}
                </List>
              ) : undefined
            }
          />
          <FilePicker
            label="Open a mapping file"
            accept=".yaml,.yml,text/yaml"
            onFile={(file) => void open(file)}
            error={openFailure}
          />
          {template !== undefined && mapping !== template && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => onChange(template)}>
                Start again from the playbook’s mapping
              </Button>
            </Group>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Values in your files
          </Title>
          <Text size="sm" c="dimmed">
            Read from the files in your browser; the dry run checks every row on the server.
          </Text>
          <MappedValuesTable values={values.values} refusedRows={values.refusedRows} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
