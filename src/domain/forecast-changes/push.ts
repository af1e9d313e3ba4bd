/**
 * A push: the close date moved later into a later calendar month (`YYYY-MM-DD` dates). A slip within the
 * month is not a push; neither is a pull-in. Every push increments the deal's stored push count.
 */
export function isPush(fromCloseDate: string, toCloseDate: string): boolean {
  return toCloseDate.slice(0, 7) > fromCloseDate.slice(0, 7);
}
