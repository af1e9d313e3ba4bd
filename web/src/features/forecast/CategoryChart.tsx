import { Paper, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Forecast } from '../../api';
import { formatMoney } from '../../shared/format';
import { CATEGORIES, CATEGORY_LABELS, units } from './forecast-words';

const COLORS = { closed: '#2b8a3e', commit: '#1864ab', best_case: '#e67700', pipeline: '#868e96' } as const;

/** The company's individual categories per period, stacked (stacks add up to the cumulative Pipeline). */
export function CategoryChart({ forecast }: { forecast: Forecast }) {
  const data = forecast.periods.map((period, index) => {
    const figures = forecast.company.periods[index]?.figures;
    return {
      label: period.label,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, units(figures?.individual[c] ?? '0')])),
      weighted: units(figures?.weightedMinor ?? '0'),
    };
  });
  const money = (value: number) => formatMoney(value * 100, forecast.companyCurrency, true);
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs" id="forecast-chart-title">
        Categories by period ({forecast.companyCurrency})
      </Text>
      <div role="img" aria-labelledby="forecast-chart-title" style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={money} width={80} />
            <Tooltip formatter={(value) => money(Number(value))} />
            <Legend />
            {CATEGORIES.map((category) => (
              <Bar
                key={category}
                dataKey={category}
                name={CATEGORY_LABELS[category]}
                stackId="forecast"
                fill={COLORS[category]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
