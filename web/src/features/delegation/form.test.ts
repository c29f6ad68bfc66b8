import { describe, expect, it } from 'vitest';
import type { CardDetail } from './delegation.api.ts';
import { changedFields, draftFromCard, validateCardFields } from './form.ts';

const card = {
  outcome: 'Atlantique Froid signe avant la fin du mois',
  dueOn: '2030-05-20',
  domain: { id: 'd1', name: 'Remises' },
  level: 5,
  risks: 'Trop de remise',
  support: '',
  successIndicators: 'Bon de commande signé',
  resultFormat: '',
  alert: {
    condition: '',
    metric: 'Remise (%)',
    direction: 'above',
    limit: 10,
    notify: { id: 'lea', name: 'Léa Martin' },
    raisedAt: null,
    raisedValue: null,
    raisedByCondition: false,
  },
} as unknown as CardDetail;

const t = (key: string) => key;

describe('the card edit form', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedFields(card, draftFromCard(card))).toEqual({});
  });

  it('sends only the fields that differ from the card', () => {
    const form = { ...draftFromCard(card), dueOn: '2030-06-01', alertLimit: '12', domainId: '' };
    expect(changedFields(card, form)).toEqual({ dueOn: '2030-06-01', alertLimit: 12, domainId: null });
  });

  it('clears the whole figure when the indicator is no longer followed', () => {
    const form = { ...draftFromCard(card), useMetric: false };
    expect(changedFields(card, form)).toEqual({ alertMetric: null, alertDirection: null, alertLimit: null });
  });

  it('accepts a past due date only when it is the one the card already has', () => {
    const form = { ...draftFromCard(card), dueOn: '2020-01-01' };
    expect(validateCardFields(form, t, '2025-01-01')).toEqual({ dueOn: 'delegation.form.errors.dueOnPast' });
    expect(validateCardFields(form, t, '2025-01-01', '2020-01-01')).toEqual({});
  });
});
