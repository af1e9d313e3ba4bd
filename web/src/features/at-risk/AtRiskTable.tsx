import { Anchor, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'wouter';
import type { DealsAtRisk, Inspection, Playbook, User } from '../../api';
import { formatDate, formatMoney, humanize } from '../../shared/format';
import { HealthBadge, VelocityBadge } from '../../shared/health';
import { paths } from '../../shared/paths';
import { findPipeline, stageName } from '../../shared/playbook';
import { nameOf } from '../../shared/users';
import type { AtRiskSort } from './queries';

type Item = DealsAtRisk['items'][number];

/** Which way each order runs (the server decides; this only says it): the most urgent first. */
export const SORT_LABELS: Record<
  AtRiskSort,
  { column: string; order: string; direction: 'ascending' | 'descending' }
> = {
  health: { column: 'Health', order: 'lowest health score first', direction: 'ascending' },
  velocity: {
    column: 'Velocity',
    order: 'At Risk velocity first, longest in stage first',
    direction: 'ascending',
  },
  amount: { column: 'Amount', order: 'largest amount first', direction: 'descending' },
  closeDate: { column: 'Close date', order: 'soonest close date first', direction: 'ascending' },
};

function SortHeader({
  sort,
  active,
  onSort,
}: {
  sort: AtRiskSort;
  active: AtRiskSort;
  onSort: (sort: AtRiskSort) => void;
}) {
  const label = SORT_LABELS[sort];
  const isActive = sort === active;
  return (
    <Table.Th aria-sort={isActive ? label.direction : 'none'}>
      <UnstyledButton
        onClick={() => onSort(sort)}
        title={`Sort by ${label.column.toLowerCase()}: ${label.order}`}
        fw={isActive ? 700 : 600}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
      >
        {label.column}
        <Text span aria-hidden c={isActive ? undefined : 'dimmed'} ml={4}>
          {isActive ? (label.direction === 'descending' ? '↓' : '↑') : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The first two risks the health score counts, with their first piece of evidence; else the stall. */
function TopReasons({ inspection }: { inspection: Inspection }) {
  const risks = inspection.health.reasons.filter((reason) => reason.kind === 'risk').slice(0, 2);
  const lines =
    risks.length > 0
      ? risks.map((reason) => ({
          key: reason.indicator,
          text: `${humanize(reason.indicator)} (${reason.points})${reason.evidence[0] ? `: ${reason.evidence[0]}` : ''}`,
        }))
      : inspection.velocity.reasons.slice(0, 2).map((reason) => ({ key: reason, text: reason }));
  if (lines.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2} data-testid="top-reasons">
      {lines.map((line) => (
        <Text size="xs" key={line.key} lineClamp={2}>
          {line.text}
        </Text>
      ))}
    </Stack>
  );
}

function daysInStage(velocity: Inspection['velocity']): string {
  const days = velocity.daysInStage;
  const unit = days === 1 && velocity.expectedDays === null ? 'business day' : 'business days';
  return velocity.expectedDays === null
    ? `${days} ${unit} in stage`
    : `${days} of ${Math.round(velocity.expectedDays)} business days in stage`;
}

interface Props {
  items: Item[];
  playbook: Playbook | undefined;
  users: User[] | undefined;
  sort: AtRiskSort;
  onSort: (sort: AtRiskSort) => void;
  showPipeline: boolean;
}

export function AtRiskTable({ items, playbook, users, sort, onSort, showPipeline }: Props) {
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Deals at risk">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Stage</Table.Th>
            <SortHeader sort="amount" active={sort} onSort={onSort} />
            <SortHeader sort="closeDate" active={sort} onSort={onSort} />
            <SortHeader sort="health" active={sort} onSort={onSort} />
            <SortHeader sort="velocity" active={sort} onSort={onSort} />
            <Table.Th>Top reasons</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map(({ opportunity: deal, account, inspection }) => (
            <Table.Tr
              key={deal.id}
              data-testid="at-risk-row"
              data-deal-id={deal.id}
              data-pipeline={deal.pipeline}
              style={{ verticalAlign: 'top' }}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  href={paths.opportunity(deal.id)}
                  size="sm"
                  fw={600}
                  data-testid="deal-link"
                >
                  {deal.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} href={paths.account(deal.accountId)} size="sm" c="dark">
                  {account.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{nameOf(users, deal.ownerId)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="stage-name">
                  {stageName(playbook, deal.pipeline, deal.stage)}
                </Text>
                {showPipeline && (
                  <Text size="xs" c="dimmed">
                    {(playbook && findPipeline(playbook, deal.pipeline)?.name) ?? humanize(deal.pipeline)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="amount" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(deal.amountMinor, deal.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="close-date" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(deal.closeDate)}
                </Text>
              </Table.Td>
              <Table.Td data-testid="health">
                <HealthBadge health={inspection.health} />
              </Table.Td>
              <Table.Td data-testid="velocity">
                <Group gap={4} wrap="nowrap">
                  <VelocityBadge velocity={inspection.velocity} />
                </Group>
                <Text size="xs" c="dimmed" mt={2}>
                  {daysInStage(inspection.velocity)}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <TopReasons inspection={inspection} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
