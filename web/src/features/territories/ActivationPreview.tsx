import { Alert, Anchor, Button, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { ReassignmentPreview, TerritoryActivated, TerritoryModelSummary } from '../../api';
import { paths } from '../../shared/paths';
import { ErrorState, LoadingState } from '../../shared/states';
import { refusalsOf } from './problems';
import { useActivate, useActivationPreview } from './queries';

const MAX_ROWS = 50;
const nameOr = (someone: { name: string } | null) => someone?.name ?? 'nobody';

function Refusals({ refusals }: { refusals: string[] }) {
  return (
    <Alert color="red" title="This draft cannot be activated" role="alert">
      <List size="sm" spacing={2}>
        {refusals.map((refusal) => (
          <List.Item key={refusal}>{refusal}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Totals({ preview }: { preview: ReassignmentPreview }) {
  const { accounts, deals } = preview;
  return (
    <Text size="sm">
      Of {accounts.total} account(s), {accounts.moving} change owner, {accounts.unchanged} keep theirs and{' '}
      {accounts.kept} are kept (pinned to an owner, or not routable). {deals.moving} open deal(s) follow their
      account’s new AE; {deals.keptCsm} renewal(s) owned by a CSM keep their owner; {deals.closedUnchanged}{' '}
      closed deal(s) never move.
    </Text>
  );
}

const None = ({ children }: { children: string }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

function PerOwner({ preview }: { preview: ReassignmentPreview }) {
  if (preview.perOwner.length === 0) return <None>Nobody gains or loses an account or a deal.</None>;
  return (
    <Table aria-label="Changes per owner" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Owner</Table.Th>
          <Table.Th>Accounts gained</Table.Th>
          <Table.Th>Accounts lost</Table.Th>
          <Table.Th>Deals gained</Table.Th>
          <Table.Th>Deals lost</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.perOwner.map((owner) => (
          <Table.Tr key={owner.userId}>
            <Table.Td>{owner.name}</Table.Td>
            <Table.Td>{owner.accountsGained}</Table.Td>
            <Table.Td>{owner.accountsLost}</Table.Td>
            <Table.Td>{owner.dealsGained}</Table.Td>
            <Table.Td>{owner.dealsLost}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Moves({ preview }: { preview: ReassignmentPreview }) {
  const more = (shown: number, total: number) =>
    total > shown ? (
      <Text size="xs" c="dimmed">
        The first {shown} of {total}.
      </Text>
    ) : null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <div>
        <Title order={4} size="h6" mb={4}>
          Accounts that move
        </Title>
        {preview.accountChanges.length === 0 && <None>None.</None>}
        <Table
          aria-label="Accounts that move"
          verticalSpacing={2}
          hidden={preview.accountChanges.length === 0}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>From → to</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.accountChanges.slice(0, MAX_ROWS).map((change) => (
              <Table.Tr key={change.accountId}>
                <Table.Td>
                  <Anchor component={Link} href={paths.account(change.accountId)} size="sm">
                    {change.accountName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {nameOr(change.from)} → {change.to.name}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{change.because}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {more(Math.min(MAX_ROWS, preview.accountChanges.length), preview.accounts.moving)}
      </div>
      <div>
        <Title order={4} size="h6" mb={4}>
          Open deals that move
        </Title>
        {preview.dealChanges.length === 0 && <None>None.</None>}
        <Table aria-label="Deals that move" verticalSpacing={2} hidden={preview.dealChanges.length === 0}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deal</Table.Th>
              <Table.Th>From → to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.dealChanges.slice(0, MAX_ROWS).map((change) => (
              <Table.Tr key={change.opportunityId}>
                <Table.Td>
                  <Anchor component={Link} href={paths.opportunity(change.opportunityId)} size="sm">
                    {change.opportunityName}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({change.accountName})
                  </Text>
                </Table.Td>
                <Table.Td>
                  {nameOr(change.from)} → {change.to.name}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {more(Math.min(MAX_ROWS, preview.dealChanges.length), preview.deals.moving)}
        <Title order={4} size="h6" mt="sm" mb={4}>
          Accounts kept with their owner
        </Title>
        {preview.keptAccounts.length === 0 ? (
          <None>None.</None>
        ) : (
          <List size="sm" spacing={2} aria-label="Accounts kept">
            {preview.keptAccounts.slice(0, MAX_ROWS).map((kept) => (
              <List.Item key={kept.accountId}>
                {kept.accountName} ({nameOr(kept.owner)}): {kept.reason}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </SimpleGrid>
  );
}

/**
 * What activating a draft would do — counts per owner, the account and deal moves, the accounts kept — and
 * the Activate button only when the server says it may be activated; else its refusals, in words.
 */
export function ActivationPreview({
  draft,
  onActivated,
}: {
  draft: TerritoryModelSummary;
  onActivated: (result: TerritoryActivated) => void;
}) {
  const preview = useActivationPreview(draft, true);
  const activate = useActivate(onActivated);
  const refused = refusalsOf(activate.error);
  return (
    <Paper withBorder p="md" aria-labelledby="activation-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="activation-title">
          Preview activation of version {draft.version}
        </Title>
        {preview.isError ? (
          <ErrorState
            title="Could not preview the activation"
            error={preview.error}
            onRetry={() => void preview.refetch()}
          />
        ) : !preview.data ? (
          <LoadingState label="Working out who gains and loses what…" />
        ) : (
          <>
            <Totals preview={preview.data} />
            {preview.data.canActivate ? (
              <Button
                color="green"
                loading={activate.isPending}
                onClick={() => activate.mutate(draft)}
                style={{ alignSelf: 'flex-start' }}
              >
                Activate version {draft.version}
              </Button>
            ) : (
              <Refusals refusals={preview.data.refusals} />
            )}
            <PerOwner preview={preview.data} />
            <Moves preview={preview.data} />
            {refused.length > 0 && <Refusals refusals={refused} />}
            {activate.error && refused.length === 0 && (
              <ErrorState title="The version was not activated" error={activate.error} />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
