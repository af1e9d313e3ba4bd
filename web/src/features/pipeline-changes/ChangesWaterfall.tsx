import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../shared/format';
import type { WaterfallBar } from './waterfall';

const COLOR = { up: '#2b8a3e', down: '#c92a2a', level: '#495057' };
const colorOf = (bar: WaterfallBar) =>
  bar.kind === 'start' || bar.kind === 'end' ? COLOR.level : bar.delta >= 0 ? COLOR.up : COLOR.down;

/** The waterfall of what changed: stacked bars, an invisible base under each visible step. */
export function ChangesWaterfall({ bars, currency }: { bars: WaterfallBar[]; currency: string }) {
  const money = (value: number) => formatMoney(Math.round(value * 100), currency, true);
  return (
    <figure style={{ margin: 0 }} aria-label={`Waterfall of what changed, in ${currency}`}>
      <BarChart width={760} height={300} data={bars} margin={{ top: 10, right: 10, bottom: 10, left: 20 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#212529', fontSize: 12 }} />
        <YAxis tickFormatter={money} tick={{ fill: '#212529', fontSize: 12 }} />
        <Tooltip
          formatter={(_value, _name, item) => money((item.payload as WaterfallBar).delta)}
          labelStyle={{ color: '#212529' }}
        />
        <Bar dataKey="base" stackId="step" fill="transparent" isAnimationActive={false} legendType="none" />
        <Bar dataKey="value" stackId="step" isAnimationActive={false} name="Change">
          {bars.map((bar) => (
            <Cell key={bar.label} fill={colorOf(bar)} />
          ))}
        </Bar>
      </BarChart>
      <figcaption>{bars.map((bar) => `${bar.label}: ${money(bar.delta)}`).join(' · ')}</figcaption>
    </figure>
  );
}
