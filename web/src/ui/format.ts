import { useTranslation } from '../app/translator.ts';
import { dateFormat, numberFormat, periodDays } from './intl.ts';

export function initials(firstName: string, lastName: string): string {
  return `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase();
}

/** Dates and numbers in the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'fr';
  return {
    dateTime: (iso: string) =>
      dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (iso: string) => dateFormat(lang, { dateStyle: 'long' }).format(new Date(iso)),
    number: (n: number) => numberFormat(lang).format(n),
    /** First and last day of a period of whole UTC days [from, to) (see periodDays). */
    period: (from: string, to: string) => periodDays(lang, from, to),
  };
}
