import { Anchor, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'wouter';
import type { DealsAtRisk, Playbook, StoredInspection, User } from '../../api';
import { formatDate, formatMoney, humanize } from '../../shared/format';
import { HealthBadge, VelocityBadge } from '../../shared/health';
import { paths } from '../../shared/paths';
import { findPipeline, stageName } from '../../shared/playbook';
import { nameOf } from '../../shared/users';
import { indicatorName } from '../../shared/words';
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

/** The one thing to fix first, in bold, and why (the evidence). */
function FixFirst({ fix }: { fix: StoredInspection['fixFirst'] }) {
  if (!fix) return null;
  return (
    <Text size="xs" mt={4} data-testid="fix-first" data-cause={fix.cause}>
      <Text span fw={700} size="xs" data-testid="fix-first-action">
        {fix.action}
      </Text>
      {fix.why && (
        <>
          {' — '}
          <span data-testid="fix-first-why">{fix.why}</span>
        </>
      )}
    </Text>
  );
}

/**
 * The other reasons, after the one to fix first: the next two risks the health score counts, each with its
 * first piece of evidence, and the stall when it is not the one to fix first.
 */
function OtherReasons({
  inspection,
  playbook,
}: {
  inspection: StoredInspection;
  playbook: Playbook | undefined;
}) {
  const cause = inspection.fixFirst?.cause;
  const risks = inspection.health.reasons
    .filter((reason) => reason.kind === 'risk' && reason.indicator !== cause)
    .slice(0, 2)
    .map((reason) => ({
      key: reason.indicator,
      text: `${indicatorName(reason.indicator, playbook)} (${reason.points})${reason.evidence[0] ? `: ${reason.evidence[0]}` : ''}`,
    }));
  const stall =
    inspection.velocity.class === 'at_risk' && cause !== 'stalled'
      ? inspection.velocity.reasons.slice(0, 1).map((reason) => ({ key: `stall:${reason}`, text: reason }))
      : [];
  const lines = [...risks, ...stall];
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

const businessDays = (count: number) => `${count} business ${count === 1 ? 'day' : 'days'}`;

function daysInStage(velocity: StoredInspection['velocity']): string {
  const days = velocity.daysInStage;
  return velocity.expectedDays === null
    ? `${businessDays(days)} in stage`
    : `${days} of ${businessDays(Math.round(velocity.expectedDays))} in stage`;
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
            <Table.Th>Other reasons</Table.Th>
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
              <Table.Td maw={340}>
                <Anchor
                  component={Link}
                  href={paths.opportunity(deal.id)}
                  size="sm"
                  fw={600}
                  data-testid="deal-link"
                >
                  {deal.name}
                </Anchor>
                <FixFirst fix={inspection.fixFirst} />
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
              <Table.Td maw={300}>
                <OtherReasons inspection={inspection} playbook={playbook} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
