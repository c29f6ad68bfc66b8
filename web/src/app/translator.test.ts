import { describe, expect, it } from 'vitest';
import { i18n } from './translator.ts';

describe('translator', () => {
  i18n.addResources('fr', {
    a: { hello: 'Bonjour {{name}}', left: '{{count}} restant', onlyFr: 'seulement en français' },
    n: { items_zero: 'aucun élément', items_one: '{{count}} élément', items_other: '{{count}} éléments' },
  });
  i18n.addResources('en', {
    a: { hello: 'Hello {{name}}' },
    n: { items_one: '{{count}} item', items_other: '{{count}} items' },
  });

  it('reads nested keys and fills placeholders, leaving unknown ones as they are', () => {
    i18n.changeLanguage('fr');
    expect(i18n.t('a.hello', { name: 'Léa' })).toBe('Bonjour Léa');
    expect(i18n.t('a.hello')).toBe('Bonjour {{name}}');
  });

  it('chooses the plural form by count: the zero form when it exists, then the language rule, then other', () => {
    i18n.changeLanguage('fr');
    expect(i18n.t('n.items', { count: 0 })).toBe('aucun élément');
    expect(i18n.t('n.items', { count: 1 })).toBe('1 élément');
    expect(i18n.t('n.items', { count: 7 })).toBe('7 éléments');
    // French says "many" for a million: no such form in the catalogue, so "other".
    expect(i18n.t('n.items', { count: 1_000_000 })).toBe('1000000 éléments');
    i18n.changeLanguage('en');
    // English has no zero form here: 0 takes "other".
    expect(i18n.t('n.items', { count: 0 })).toBe('0 items');
    expect(i18n.t('n.items', { count: 1 })).toBe('1 item');
    // A key without plural forms still takes count as a placeholder.
    expect(i18n.t('a.left', { count: 3 })).toBe('3 restant');
  });

  it('falls back to French, then to the default value, then to the key itself', () => {
    i18n.changeLanguage('en');
    expect(i18n.t('a.hello', { name: 'Léa' })).toBe('Hello Léa');
    expect(i18n.t('a.onlyFr')).toBe('seulement en français');
    expect(i18n.t('a.missing', { defaultValue: 'par défaut' })).toBe('par défaut');
    expect(i18n.t('a.missing')).toBe('a.missing');
    expect(i18n.exists('a.onlyFr')).toBe(true);
    expect(i18n.exists('a.missing')).toBe(false);
  });

  it('tells its listeners when the language changes, once per change', () => {
    i18n.changeLanguage('fr');
    const seen: string[] = [];
    i18n.onLanguageChanged((lng) => seen.push(lng));
    i18n.changeLanguage('en');
    i18n.changeLanguage('en');
    i18n.changeLanguage('fr');
    expect(seen).toEqual(['en', 'fr']);
    expect(i18n.resolvedLanguage).toBe('fr');
  });
});
