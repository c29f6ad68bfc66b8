import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, renderCalendar } from './icalendar.ts';

describe('icalendar', () => {
  it('formats instants in UTC', () => {
    expect(formatUtc(new Date('2026-11-24T09:30:00.000Z'))).toBe('20261124T093000Z');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = 'SUMMARY:' + 'é'.repeat(60);
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBe(2);
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical[0]).toBe('SUMMARY:' + 'é'.repeat(33));
    expect(physical[1]).toBe(' ' + 'é'.repeat(27));
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('renders a calendar that a real parser reads back unchanged', () => {
    const text = renderCalendar({
      prodId: '-//Relais//Test//FR',
      name: 'Mes tête-à-tête',
      events: [
        {
          uid: 'abc@relais',
          start: new Date('2026-11-24T09:00:00Z'),
          end: new Date('2026-11-24T09:45:00Z'),
          stamp: new Date('2026-11-20T08:00:00Z'),
          summary: 'Tête-à-tête avec Hugo Lefèvre, salle « Loire »; étage 2',
          description: 'Préparer : https://relais.example/one-on-ones/meetings/abc\n' + 'x'.repeat(200),
          location: 'Nantes, salle 3',
          status: 'CANCELLED',
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    const comp = new ICAL.Component(ICAL.parse(text));
    const [event] = comp.getAllSubcomponents('vevent');
    const e = new ICAL.Event(event);
    expect(e.uid).toBe('abc@relais');
    expect(e.summary).toBe('Tête-à-tête avec Hugo Lefèvre, salle « Loire »; étage 2');
    expect(e.location).toBe('Nantes, salle 3');
    expect(e.description).toBe(
      'Préparer : https://relais.example/one-on-ones/meetings/abc\n' + 'x'.repeat(200),
    );
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-11-24T09:45:00.000Z');
    expect(event!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
