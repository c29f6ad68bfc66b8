import en from '../../../web/src/i18n/en.json' with { type: 'json' };
import fr from '../../../web/src/i18n/fr.json' with { type: 'json' };
import type { Locale } from '../../../core/api/common.schemas.ts';

/** Server messages come from the same catalogue as the UI, so both languages stay complete together. */
type Tree = { [k: string]: string | Tree };
const catalogues: Record<Locale, Tree> = { fr: fr as Tree, en: en as Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(catalogues[locale], key) ?? lookup(catalogues.fr, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function fieldLabel(locale: Locale, field: string): string {
  const last =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? field;
  return lookup(catalogues[locale], `fields.${last}`) ?? last;
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'fr';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}
