import { Stack, Text, Title } from '@mantine/core';
import { WhoMay } from '../../shared/permission';
import { ErrorState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { PreviewPanel } from './PreviewPanel';
import { usePlaybookVersions } from './queries';
import { VersionHistory } from './VersionHistory';

/** RevOps: the playbook version in force, its history, and a preview of a change against the live data. */
export function PlaybookPage() {
  const permission = useSession().data?.permissions.managePlaybook;
  const versions = usePlaybookVersions(Boolean(permission?.allowed));
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">
        Playbook versions
      </Title>
      {permission && !permission.allowed ? (
        <WhoMay permission={permission} what="The playbook’s versions and previews" />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Every playbook the server has run over this data. A new file is checked against the live deals
            when the server starts: nothing a deal uses may disappear without a mapping.
          </Text>
          {versions.isError ? (
            <ErrorState
              title="Could not load the versions"
              error={versions.error}
              onRetry={() => void versions.refetch()}
            />
          ) : versions.data ? (
            <VersionHistory versions={versions.data.items} />
          ) : (
            <LoadingState label="Loading the versions…" />
          )}
          <PreviewPanel />
        </>
      )}
    </Stack>
  );
}
