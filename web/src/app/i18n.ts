import type { Locale } from '../../../core/api/common.schemas.ts';
import { i18n } from './translator.ts';

type Part = 'core' | 'app';
type Loader = () => Promise<{ default: Record<string, unknown> }>;

// Only the language in use is downloaded, and the signed-in texts only once signed in: the sign-in page stays light.
const catalogues: Record<Locale, Record<Part, Loader>> = {
  fr: { core: () => import('virtual:relais-i18n/fr/core'), app: () => import('virtual:relais-i18n/fr/app') },
  en: { core: () => import('virtual:relais-i18n/en/core'), app: () => import('virtual:relais-i18n/en/app') },
};
const loaded = new Set<string>();
let appTexts = false;

async function loadPart(locale: Locale, part: Part) {
  const key = `${locale}/${part}`;
  if (loaded.has(key)) return;
  const module = await catalogues[locale][part]();
  i18n.addResources(locale, module.default);
  loaded.add(key);
}

async function loadCatalogue(locale: Locale) {
  await Promise.all([loadPart(locale, 'core'), appTexts ? loadPart(locale, 'app') : null]);
}

/** Called by the signed-in layout's guard before it renders. */
export async function loadAppTexts() {
  appTexts = true;
  const locales = new Set<Locale>([currentLocale(), 'fr']);
  await Promise.all([...locales].map((l) => loadPart(l, 'app')));
}

export const supportedLocales: readonly Locale[] = ['fr', 'en'];
const storageKey = 'relais.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** Stored choice first, then the browser's preference, French otherwise. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be disabled (private mode): fall back to the browser's languages.
  }
  for (const lang of navigator.languages ?? []) {
    const short = lang.slice(0, 2).toLowerCase();
    if (isLocale(short)) return short;
  }
  return 'fr';
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}

/**
 * The server cannot read localStorage: this cookie tells it in which language to send the pre-rendered sign-in
 * page (server/src/http/web-app.ts). Written at every start too, for choices stored before it existed.
 */
function rememberForServer(locale: Locale) {
  document.cookie = `${storageKey}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export async function initI18n() {
  const locale = initialLocale();
  rememberForServer(locale);
  i18n.onLanguageChanged((lng) => {
    document.documentElement.lang = lng;
    rememberForServer(lng);
    try {
      localStorage.setItem(storageKey, lng);
    } catch {
      // Not persisted: the choice still applies to this tab.
    }
  });
  await loadCatalogue(locale);
  // French is the fallback for any key: make sure it is there too.
  if (locale !== 'fr') await loadCatalogue('fr');
  i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** Rendering on the server (server-render.tsx): every text is already there, nothing is to be fetched. */
export function textsAlreadyThere(): void {
  for (const locale of supportedLocales) for (const part of ['core', 'app']) loaded.add(`${locale}/${part}`);
}

export async function setLocale(locale: Locale) {
  await loadCatalogue(locale);
  i18n.changeLanguage(locale);
}

export { i18n };
