import { Alert, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TerritoryActivated } from '../../api';
import { ErrorState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { NewDraftPanel } from './NewDraftPanel';
import { useTerritoryModels } from './queries';
import { territoryRights } from './rights';
import { VersionDetail } from './VersionDetail';
import { VersionList } from './VersionList';

/**
 * RevOps and RVPs: the territory model's versions and, for the one shown, its map, coverage proof, rules and
 * people; RevOps admins create drafts, edit them and activate them after a preview.
 */
export function TerritoriesPage() {
  const session = useSession().data;
  const rights = territoryRights(session);
  const versions = useTerritoryModels(rights.read);
  const [chosen, setChosen] = useState<string | null>(null);
  const [activated, setActivated] = useState<TerritoryActivated | null>(null);
  const items = versions.data?.items ?? [];
  const active = items.find((version) => version.status === 'active');
  // The version shown: the one chosen, else the active one, else the newest.
  const shown = items.find((version) => version.id === chosen) ?? active ?? items[0];

  const onActivated = (result: TerritoryActivated) => {
    setActivated(result);
    setChosen(result.model.id);
  };

  if (!session) return <LoadingState label="Loading…" />;
  return (
    <Stack gap="md" maw={1400}>
      <Title order={1} size="h2">
        Territories
      </Title>
      {!rights.read ? (
        <Text size="sm" c="dimmed" data-testid="who-may">
          The territory model: RevOps admins and RVPs. RevOps admins edit territories.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Which AE owns which geography. One version is active: new accounts are routed by it, and the
            region each AE and RVP sees comes from it. A draft is checked for gaps and overlaps and previewed
            before it goes live.
          </Text>
          {activated && (
            <Alert
              color="green"
              title={`Version ${activated.model.version} is active`}
              withCloseButton
              closeButtonLabel="Dismiss the notice"
              onClose={() => setActivated(null)}
            >
              {activated.accountsMoved} account(s) and {activated.dealsMoved} open deal(s) moved to their new
              owner, each with an audit event.
            </Alert>
          )}
          {versions.isError ? (
            <ErrorState
              title="Could not load the versions"
              error={versions.error}
              onRetry={() => void versions.refetch()}
            />
          ) : !versions.data ? (
            <LoadingState label="Loading the versions…" />
          ) : (
            <>
              <VersionList versions={items} selected={shown?.id ?? null} onSelect={setChosen} />
              {rights.edit.allowed && (
                <NewDraftPanel active={active} onCreated={(draft) => setChosen(draft.id)} />
              )}
              {shown && (
                <VersionDetail key={shown.id} version={shown} edit={rights.edit} onActivated={onActivated} />
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
