/** The first and last day of the range a period kind shows by default: this fiscal year, by its quarters. */
export function defaultRange(today: Date, fiscalStartMonth: number): { from: string; to: string } {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const startYear = month >= fiscalStartMonth ? year : year - 1;
  const from = new Date(Date.UTC(startYear, fiscalStartMonth - 1, 1));
  const to = new Date(Date.UTC(startYear + 1, fiscalStartMonth - 1, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
