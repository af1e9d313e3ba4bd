import { Stack, Text, Title } from '@mantine/core';
import { WhoMay } from '../../shared/permission';
import { LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { ImportWizard } from './ImportWizard';
import { RecentImports } from './RecentImports';

/** RevOps: bring accounts and deals in from a Salesforce data export, checked by line before anything is written. */
export function ImportsPage() {
  const permission = useSession().data?.permissions.importData;
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">
        Import from Salesforce
      </Title>
      {!permission ? (
        <LoadingState label="Loading…" />
      ) : !permission.allowed ? (
        <Stack gap="xs">
          <Text size="sm">
            Imports bring accounts and deals in from another system's export, through the same rules as every
            other change.
          </Text>
          <WhoMay permission={permission} what="Imports" />
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Imported deals enter their stage through the gate, with an “imported” snapshot that says which of
            the stage's requirements are not yet met; a dry run shows every problem by line before anything is
            written.
          </Text>
          <ImportWizard />
          <RecentImports />
        </>
      )}
    </Stack>
  );
}
