import { Stack, Text, Title } from '@mantine/core';
import type { Revenue } from '../../api';
import { FiguresError } from '../../shared/FiguresError';
import { ForecastViews } from '../../shared/ForecastViews';
import { PeriodRangePicker, usePeriodRange } from '../../shared/PeriodRange';
import { EmptyState, LoadingState } from '../../shared/states';
import { useSession } from '../auth';
import { BookingsChart } from './BookingsChart';
import { BookingsByPeriodTable, BookingsByTypeTable } from './BookingsTables';
import { useRevenue } from './queries';
import { RetentionPanel } from './RetentionPanel';

const isEmpty = (revenue: Revenue) =>
  revenue.range.cohortAccounts === 0 &&
  revenue.range.newAccounts === 0 &&
  revenue.periods.every((p) => p.bookings.deals === 0 && p.retention.cohortAccounts === 0);

/** What the figures leave out for this caller, in words (nothing when they count everything). */
function scopeNote(revenue: Revenue): string | null {
  if (revenue.scope.allWonDeals && revenue.scope.allAccounts) return null;
  const parts = [
    !revenue.scope.allWonDeals && 'won deals',
    !revenue.scope.allAccounts && "accounts' contracts",
  ].filter(Boolean);
  return `These figures count only the ${parts.join(' and ')} you may see; VP Finance, RevOps and read-only viewers see the whole company's.`;
}

/**
 * Revenue implications: bookings of won deals by the category their type books as (acquisition, growth,
 * retention) and by type, per period, and gross / net revenue retention from the commit contracts.
 */
export function RevenuePage() {
  const permissions = useSession().data?.permissions;
  const [range, setRange] = usePeriodRange();
  const { period, from, to } = range;
  const revenue = useRevenue({ period, from, to });
  const data = revenue.data;
  const note = data && scopeNote(data);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Revenue
      </Title>
      <ForecastViews permissions={permissions} />
      <Text size="sm" c="dimmed" maw={900}>
        Bookings are the deals won in a period (by the day they were won), converted to the company currency
        and grouped by what their type books as: New Business is acquisition, Upsell and Expansion are growth,
        Renewal is retention (the playbook says which type is which). Retention compares the recurring revenue
        of the customers under a commit contract on a period's first day with the same customers' on its last.
      </Text>
      <PeriodRangePicker range={range} onChange={setRange} />
      {note && (
        <Text size="sm" data-testid="revenue-scope">
          {note}
        </Text>
      )}
      {revenue.isError ? (
        <FiguresError title="Could not load the revenue" error={revenue.error} />
      ) : !data ? (
        <LoadingState label="Loading the revenue…" />
      ) : isEmpty(data) ? (
        <EmptyState title="No revenue in these periods">
          No deal you may see was won between these dates, and no commit contract you may see was in force.
        </EmptyState>
      ) : (
        <>
          <BookingsChart revenue={data} />
          <BookingsByPeriodTable revenue={data} />
          <RetentionPanel revenue={data} />
          <BookingsByTypeTable revenue={data} />
        </>
      )}
    </Stack>
  );
}
