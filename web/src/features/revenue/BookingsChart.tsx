import { Paper, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Revenue } from '../../api';
import { formatMoney } from '../../shared/format';
import { BUCKET_LABELS, shownBuckets, units } from './revenue-words';

const COLORS = {
  acquisition: '#1864ab',
  growth: '#2b8a3e',
  retention: '#e67700',
  uncategorised: '#868e96',
} as const;

/** Bookings per period stacked by category (a stack is the period's total bookings). */
export function BookingsChart({ revenue }: { revenue: Revenue }) {
  const buckets = shownBuckets(revenue);
  const data = revenue.periods.map((period) => ({
    label: period.label,
    ...Object.fromEntries(buckets.map((bucket) => [bucket, units(period.bookings.byCategory[bucket])])),
  }));
  const money = (value: number) => formatMoney(value * 100, revenue.companyCurrency, true);
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs" id="bookings-chart-title">
        Bookings by category per period ({revenue.companyCurrency})
      </Text>
      <div role="img" aria-labelledby="bookings-chart-title" style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fill: '#212529', fontSize: 12 }} />
            <YAxis tickFormatter={money} width={80} tick={{ fill: '#212529', fontSize: 12 }} />
            <Tooltip formatter={(value) => money(Number(value))} labelStyle={{ color: '#212529' }} />
            <Legend />
            {buckets.map((bucket) => (
              <Bar
                key={bucket}
                dataKey={bucket}
                name={BUCKET_LABELS[bucket]}
                stackId="bookings"
                fill={COLORS[bucket]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
