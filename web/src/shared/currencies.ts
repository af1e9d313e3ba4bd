import type { Option } from './users';

let options: Option[] | undefined;

/** Every ISO 4217 currency the browser knows, as "EUR — Euro", by code (read once). */
export function currencyOptions(fallback: string): Option[] {
  if (!options) {
    const names = new Intl.DisplayNames(['en'], { type: 'currency' });
    const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    options = codes.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }
  return options.some((option) => option.value === fallback)
    ? options
    : [{ value: fallback, label: fallback }, ...options];
}
