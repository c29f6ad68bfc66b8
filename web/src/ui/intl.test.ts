import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat, periodDays, relativeTime } from './intl.ts';

describe('intl', () => {
  const now = Date.parse('2026-03-20T12:00:00Z');
  const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it('says how long ago in the language asked, then a short date after a week', () => {
    expect(relativeTime('fr', before(10), now)).toBe('maintenant');
    expect(relativeTime('fr', before(5 * 60), now)).toBe('il y a 5 minutes');
    expect(relativeTime('en', before(3 * 3600), now)).toBe('3 hours ago');
    expect(relativeTime('fr', before(86_400), now)).toBe('hier');
    expect(relativeTime('en', before(6 * 86_400), now)).toBe('6 days ago');
    expect(relativeTime('fr', '2026-03-02T12:00:00Z', now)).toBe('2 mars');
  });

  it('builds one formatter per language and options, and keeps it', () => {
    const long = dateFormat('fr', { dateStyle: 'long', timeZone: 'UTC' });
    expect(dateFormat('fr', { dateStyle: 'long', timeZone: 'UTC' })).toBe(long);
    expect(dateFormat('en', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(long);
    expect(long.format(new Date('2026-03-02T12:00:00Z'))).toBe('2 mars 2026');
    expect(numberFormat('fr', { style: 'percent' }).format(0.5)).toBe('50\u00a0%');
    expect(numberFormat('fr', { style: 'percent' })).toBe(numberFormat('fr', { style: 'percent' }));
    expect(numberFormat('fr')).not.toBe(numberFormat('fr', { style: 'percent' }));
  });

  it('names a period of whole UTC days by its first and last day, in UTC whatever the reader’s zone', () => {
    const from = '2026-09-05T00:00:00.000Z';
    const to = '2026-12-04T00:00:00.000Z'; // excluded: the period ends with 3 December
    expect(periodDays('fr', from, to)).toEqual({ first: '5 septembre 2026', last: '3 décembre 2026' });
    expect(periodDays('en', from, to)).toEqual({ first: 'September 5, 2026', last: 'December 3, 2026' });
    expect(periodDays('fr', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z')).toEqual({
      first: '1 mars 2026',
      last: '1 mars 2026',
    });
  });
});
