import { useTranslation } from '../../app/translator.ts';
import { useFormat } from '../../ui/format.ts';
import { dateFormat, numberFormat } from '../../ui/intl.ts';

/** Calendar dates (YYYY-MM-DD) read as days, not instants: formatted in UTC so they never shift a day. */
export function useOkrFormat() {
  const { i18n } = useTranslation();
  const base = useFormat();
  const lang = i18n.resolvedLanguage ?? 'fr';
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    ...base,
    shortDate: (date: string) =>
      dateFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(day(date)),
    longDate: (date: string) => dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(day(date)),
    percent: (share: number) =>
      numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share),
  };
}
