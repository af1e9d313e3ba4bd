/** A fiscal year of the playbook's calendar: named by the year it ends in (FY2027 starts Feb 2026 when it starts in February). */
export interface FiscalYear {
  label: string;
  start: string;
  end: string;
  quarters: Array<{ label: string; start: string; end: string }>;
}

const iso = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** The fiscal year that starts in `startYear` (its first month `fiscalStartMonth`, 1–12), with its quarters. */
export function fiscalYearStarting(startYear: number, fiscalStartMonth: number): FiscalYear {
  const first = fiscalStartMonth - 1;
  const name = `FY${fiscalStartMonth === 1 ? startYear : startYear + 1}`;
  const quarters = [0, 1, 2, 3].map((q) => ({
    label: `${name} Q${q + 1}`,
    start: iso(startYear, first + q * 3, 1),
    end: iso(startYear, first + q * 3 + 3, 0),
  }));
  return { label: name, start: iso(startYear, first, 1), end: iso(startYear, first + 12, 0), quarters };
}

/** The fiscal year `today` is in, with `back` before it and `ahead` after it, in order. */
export function fiscalYearsAround(today: Date, fiscalStartMonth: number, back = 1, ahead = 1): FiscalYear[] {
  const year = today.getUTCFullYear();
  const current = today.getUTCMonth() + 1 >= fiscalStartMonth ? year : year - 1;
  const years: FiscalYear[] = [];
  for (let offset = -back; offset <= ahead; offset += 1)
    years.push(fiscalYearStarting(current + offset, fiscalStartMonth));
  return years;
}
