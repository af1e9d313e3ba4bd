/** A forecast period as an inclusive range of `YYYY-MM-DD` dates, with the label it was named by. */
export interface PeriodRange {
  label: string;
  start: string;
  end: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const range = (label: string, year: number, firstMonth: number, months: number): PeriodRange => {
  const lastMonth = firstMonth + months - 1;
  const endYear = year + Math.floor((lastMonth - 1) / 12);
  const endMonth = ((lastMonth - 1) % 12) + 1;
  return {
    label,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(lastDayOf(endYear, endMonth))}`,
  };
};

/** Calendar periods by name: `2026-11` (a month), `2026-Q4` (a quarter), `2026` (a year); null when malformed. */
export function parsePeriod(text: string): PeriodRange | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) return range(text, Number(month[1]), Number(month[2]), 1);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) return range(text, Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3);
  const year = /^(\d{4})$/.exec(text);
  if (year) return range(text, Number(year[1]), 1, 12);
  return null;
}

/** The calendar quarter a `YYYY-MM-DD` date falls in. */
export function quarterOf(date: string): PeriodRange {
  const month = Number(date.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3) + 1;
  return parsePeriod(`${date.slice(0, 4)}-Q${quarter}`) as PeriodRange;
}

export const inPeriod = (period: PeriodRange, date: string) => date >= period.start && date <= period.end;
