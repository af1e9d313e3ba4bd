import { Table, Text } from '@mantine/core';
import type { Forecast, ForecastCall, ForecastFigures } from '../../api';
import { formatMoney, regionName } from '../../shared/format';
import { CATEGORIES, CATEGORY_LABELS, coverageText, percent } from './forecast-words';

interface Line {
  key: string;
  label: string;
  level: 0 | 1 | 2;
  figures: ForecastFigures | undefined;
  submission?: ForecastCall | null;
  adjustment?: ForecastCall | null;
  /** A region's or the company's sum of its owners' standing calls. */
  calls?: Forecast['company']['periods'][number]['calls'];
}

function linesOf(forecast: Forecast, index: number): Line[] {
  const lines: Line[] = [
    {
      key: 'company',
      label: 'Company',
      level: 0,
      figures: forecast.company.periods[index]?.figures,
      calls: forecast.company.periods[index]?.calls,
    },
  ];
  for (const region of forecast.regions) {
    const rvps = region.rvps.map((rvp) => rvp.name).join(', ');
    lines.push({
      key: `region:${region.region ?? ''}`,
      label: `${region.region ? regionName(region.region) : 'No region'}${rvps ? ` (${rvps})` : ''}`,
      level: 1,
      figures: region.periods[index]?.figures,
      calls: region.periods[index]?.calls,
    });
    for (const owner of forecast.owners.filter((o) => region.ownerIds.includes(o.id))) {
      const cell = owner.periods[index];
      lines.push({
        key: `owner:${owner.id}`,
        label: owner.name,
        level: 2,
        figures: cell?.figures,
        submission: cell?.latestSubmission ?? null,
        adjustment: cell?.latestAdjustment ?? null,
      });
    }
  }
  return lines;
}

/** The roll-up of one period: the company, each region with its RVPs, its owners with their latest calls. */
export function RollUpTable({ forecast, index }: { forecast: Forecast; index: number }) {
  const money = (minor: string | number | null | undefined) =>
    minor === null || minor === undefined ? '—' : formatMoney(Number(minor), forecast.companyCurrency);
  const call = (c: ForecastCall | null | undefined) =>
    c ? `${money(c.commitMinor)} / ${money(c.bestCaseMinor)}` : '—';
  const total = (calls: Line['calls']) =>
    calls && calls.called > 0
      ? `${money(calls.commitMinor)} / ${money(calls.bestCaseMinor)} (${calls.called} of ${calls.owners} called)`
      : 'No calls yet';
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        aria-label={`Forecast roll-up, ${forecast.periods[index]?.label ?? ''}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Owner / region</Table.Th>
            {CATEGORIES.map((category) => (
              <Table.Th scope="col" key={category} ta="right">
                {CATEGORY_LABELS[category]}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              Weighted
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Quota
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Attainment
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Coverage
            </Table.Th>
            <Table.Th scope="col">Submitted (commit / best case)</Table.Th>
            <Table.Th scope="col">Adjusted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {linesOf(forecast, index).map((line) => (
            <Table.Tr key={line.key} data-testid={line.key}>
              <Table.Th
                scope="row"
                style={{ paddingLeft: 8 + line.level * 16, fontWeight: line.level < 2 ? 700 : 400 }}
              >
                {line.label}
              </Table.Th>
              {CATEGORIES.map((category) => (
                <Table.Td key={category} ta="right">
                  {money(line.figures?.cumulative[category])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{money(line.figures?.weightedMinor)}</Table.Td>
              <Table.Td ta="right">{money(line.figures?.quotaMinor)}</Table.Td>
              <Table.Td ta="right">{percent(line.figures?.attainment ?? null)}</Table.Td>
              <Table.Td ta="right">{coverageText(line.figures?.coverage ?? null)}</Table.Td>
              <Table.Td>{line.level === 2 ? call(line.submission) : total(line.calls)}</Table.Td>
              <Table.Td>
                {line.level === 2 && line.adjustment ? (
                  <Text size="sm" title={line.adjustment.note ?? undefined}>
                    {call(line.adjustment)}
                  </Text>
                ) : (
                  ''
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        Categories are cumulative: Commit includes Closed, Best Case includes Commit, Pipeline includes Best
        Case. Coverage is the open pipeline over what is left of the quota. A region's and the company's calls
        are the sum of each owner's standing call: the latest submission, or the RVP's adjustment when it came
        later.
      </Text>
    </Table.ScrollContainer>
  );
}
