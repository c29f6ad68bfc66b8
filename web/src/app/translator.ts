import { useSyncExternalStore } from 'react';
import type { Locale } from '../../../core/api/common.schemas.ts';

/**
 * The few things Relais needs from a translation library, in a page of code instead of ~17 kB of gzip on the
 * sign-in page: nested keys, `{{name}}` placeholders (no escaping: React escapes), plural forms chosen by
 * `count` (`key_zero` when count is 0 and the catalogue has it, then the language's plural rule — `_one`,
 * `_many`… —, then `_other`), French as the fallback language, a default value, and a React hook that
 * re-renders when the language or the loaded texts change. The catalogue format is i18next's JSON v4.
 */
type Tree = { [key: string]: string | Tree };
export type TranslateOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TranslateOptions) => string;

const FALLBACK: Locale = 'fr';
const resources: Partial<Record<Locale, Tree>> = {};
const listeners = new Set<() => void>();
const languageListeners = new Set<(lng: Locale) => void>();
let language: Locale = FALLBACK;
let version = 0;

function changed() {
  version += 1;
  for (const l of listeners) l();
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function merge(target: Tree, source: Tree): Tree {
  for (const [k, v] of Object.entries(source)) {
    const current = target[k];
    target[k] =
      typeof v === 'object' && typeof current === 'object'
        ? merge(current, v)
        : typeof v === 'object'
          ? merge({}, v)
          : v;
  }
  return target;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralForm(lng: Locale, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules.select(count);
}

function find(lng: Locale, key: string, count: number | undefined): string | undefined {
  const tree = resources[lng];
  if (count === undefined) return lookup(tree, key);
  return (
    (count === 0 ? lookup(tree, `${key}_zero`) : undefined) ??
    lookup(tree, `${key}_${pluralForm(lng, count)}`) ??
    lookup(tree, `${key}_other`) ??
    lookup(tree, key)
  );
}

const translate: TFunction = (key, options = {}) => {
  const count = typeof options.count === 'number' ? options.count : undefined;
  const template =
    find(language, key, count) ??
    (language !== FALLBACK ? find(FALLBACK, key, count) : undefined) ??
    options.defaultValue ??
    key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in options ? String(options[name]) : whole,
  );
};

export const i18n = {
  get language(): Locale {
    return language;
  },
  get resolvedLanguage(): Locale {
    return language;
  },
  t: translate,
  exists(key: string): boolean {
    return find(language, key, undefined) !== undefined || find(FALLBACK, key, undefined) !== undefined;
  },
  addResources(lng: Locale, texts: Record<string, unknown>): void {
    resources[lng] = merge(resources[lng] ?? {}, texts as Tree);
    changed();
  },
  changeLanguage(lng: Locale): void {
    if (lng === language) return;
    language = lng;
    for (const l of languageListeners) l(lng);
    changed();
  },
  onLanguageChanged(listener: (lng: Locale) => void): void {
    languageListeners.add(listener);
  },
};

const getVersion = () => version;
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// A new `t` for every change, so that memoised values and effects depending on it are computed again.
let current: { version: number; t: TFunction } = { version: -1, t: translate };
function tOf(v: number): TFunction {
  if (current.version !== v) current = { version: v, t: (key, options) => translate(key, options) };
  return current.t;
}

/** `t` and the translator; the component renders again when the language or the loaded texts change. */
export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  // The same snapshot on the server: the sign-in page is also rendered at build time (app/prerender.tsx).
  const v = useSyncExternalStore(subscribe, getVersion, getVersion);
  return { t: tOf(v), i18n };
}
