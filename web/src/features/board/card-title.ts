/** A leading "<account name> — " (or –, -, :) on a deal's name, which the card already shows above it. */
const SEPARATOR = /^\s*[—–:-]\s*/;

/**
 * The deal's name as the card shows it, under the account's name: without the account name the name often
 * begins with ("Acme — data platform" → "data platform"). A name that is only the account's stays whole.
 */
export function cardTitle(name: string, accountName: string): string {
  if (!accountName || !name.toLowerCase().startsWith(accountName.toLowerCase())) return name;
  const rest = name.slice(accountName.length);
  const separator = SEPARATOR.exec(rest);
  if (!separator) return name;
  const title = rest.slice(separator[0].length).trim();
  return title === '' ? name : title;
}
