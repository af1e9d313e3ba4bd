import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { PendingApproval } from '../../api';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { paths } from '../../shared/paths';
import { stageName, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { usePendingApprovals } from './queries';

/** The largest TCV among the options: what the approver signs off at most. */
const largestTcv = (item: PendingApproval) => Math.max(...item.options.map((option) => option.tcvMinor));
const largestDiscount = (item: PendingApproval) =>
  Math.max(...item.options.map((option) => option.discountBasisPoints)) / 100;

function Row({ item }: { item: PendingApproval }) {
  const playbook = usePlaybook().data;
  return (
    <Table.Tr data-testid="approval-row" data-offer={item.offerId}>
      <Table.Td>
        <Anchor component={Link} href={paths.opportunity(item.deal.id, 'closing')} size="sm" fw={600}>
          {item.deal.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.deal.accountName} · {stageName(playbook, item.deal.pipeline, item.deal.stage)} ·{' '}
          {item.deal.ownerName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.step.name}</Text>
        <Text size="xs" c="dimmed">
          step {item.step.index + 1} of {item.totalSteps} · {item.step.appliesBecause}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          version {item.versionNumber} · {item.options.length}{' '}
          {item.options.length === 1 ? 'option' : 'options'}
        </Text>
        <Text size="xs" c="dimmed">
          up to {formatMoney(largestTcv(item), item.currency)} TCV · up to {largestDiscount(item)}% off ·
          valid until {formatDate(item.validUntil)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(item.waitingSince)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** What waits for the caller's decision: each offer version whose next step is theirs, oldest wait first. */
export function ApprovalsPage() {
  const approvals = usePendingApprovals();
  if (approvals.isPending) return <LoadingState label="Loading the approvals…" />;
  if (approvals.isError)
    return (
      <ErrorState
        title="Could not load the approvals"
        error={approvals.error}
        onRetry={() => approvals.refetch()}
      />
    );
  const items = [...approvals.data.items].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Approvals{' '}
        <Badge size="lg" variant="light" data-testid="approvals-total">
          {approvals.data.total}
        </Badge>
      </Title>
      <Text size="sm" c="dimmed">
        Offers wait here for the step of the approval chain that is yours: an approval binds to the version
        you see, and any change to the offer asks again. Open a deal to approve or reject.
      </Text>
      {items.length === 0 ? (
        <EmptyState title="Nothing waits for you">
          When an offer reaches a step of the chain that you hold, it appears here.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Offer</Table.Th>
                <Table.Th>Waiting since</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Row key={`${item.offerId}:${item.versionNumber}`} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
