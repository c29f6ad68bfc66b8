/**
 * Building an Intl formatter costs about a millisecond (four on a slow phone), and a list formats one value per
 * row: each language and set of options gets one formatter, kept for the page's life.
 */
const kept = new Map<string, unknown>();

function keep<T>(kind: string, lang: string, options: object, make: () => T): T {
  const key = `${kind} ${lang} ${JSON.stringify(options)}`;
  let formatter = kept.get(key) as T | undefined;
  if (formatter === undefined) kept.set(key, (formatter = make()));
  return formatter;
}

export const dateFormat = (lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  keep('date', lang, options, () => new Intl.DateTimeFormat(lang, options));

export const numberFormat = (lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  keep('number', lang, options, () => new Intl.NumberFormat(lang, options));

/**
 * A period of whole UTC days, `from` included and `to` excluded (how the server sends rate periods): its first
 * and last day as calendar dates. Formatted in UTC, so a reader west or east of Greenwich sees the same days,
 * and the last day is the one before `to` ("du 5 septembre au 3 décembre", not "au 4 décembre").
 */
export function periodDays(lang: string, from: string, to: string): { first: string; last: string } {
  const day = dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  return { first: day.format(new Date(from)), last: day.format(new Date(Date.parse(to) - 86_400_000)) };
}

const relativeFormat = (lang: string): Intl.RelativeTimeFormat =>
  keep('relative', lang, {}, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));

/** How long ago, in the UI language ("il y a 5 minutes"), then a short date ("12 mars") after a week. */
export function relativeTime(lang: string, iso: string, now: number): string {
  const rtf = relativeFormat(lang);
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return dateFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(iso));
}
