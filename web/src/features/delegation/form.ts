import type { CardDetail, UpdateCardBody } from './delegation.api.ts';

/** The fields a card is made of, shared by the creation form and the edit form (the assignee aside). */
export const cardFields = [
  'outcome',
  'dueOn',
  'domainId',
  'level',
  'risks',
  'support',
  'successIndicators',
  'resultFormat',
  'alertCondition',
  'alertMetric',
  'alertDirection',
  'alertLimit',
  'alertNotifyId',
] as const;
export type CardField = (typeof cardFields)[number];

/** What the form holds while typing (strings where the body wants numbers or nulls). */
export interface CardFieldsDraft {
  outcome: string;
  dueOn: string;
  domainId: string;
  level: number | null;
  risks: string;
  support: string;
  successIndicators: string;
  resultFormat: string;
  alertCondition: string;
  useMetric: boolean;
  alertMetric: string;
  alertDirection: 'above' | 'below';
  alertLimit: string | number;
  alertNotifyId: string | null;
  alertNotifyName: string | null;
}

export type FieldsBody = Required<UpdateCardBody>;

/** Sets some fields of the draft. */
export type UpdateDraft = (patch: Partial<CardFieldsDraft>) => void;

/** The edit form's starting point: the card as it stands. */
export function draftFromCard(card: CardDetail): CardFieldsDraft {
  const a = card.alert;
  return {
    outcome: card.outcome,
    dueOn: card.dueOn.slice(0, 10),
    domainId: card.domain?.id ?? '',
    level: card.level,
    risks: card.risks,
    support: card.support,
    successIndicators: card.successIndicators,
    resultFormat: card.resultFormat,
    alertCondition: a.condition,
    useMetric: a.metric !== null,
    alertMetric: a.metric ?? '',
    alertDirection: a.direction ?? 'above',
    alertLimit: a.limit ?? '',
    alertNotifyId: a.notify?.id ?? null,
    alertNotifyName: a.notify?.name ?? null,
  };
}

/** The body of a valid draft (see `validateCardFields`). */
export function cardFieldsBody(form: CardFieldsDraft): FieldsBody {
  return {
    outcome: form.outcome,
    dueOn: form.dueOn,
    domainId: form.domainId || null,
    level: form.level!,
    risks: form.risks,
    support: form.support,
    successIndicators: form.successIndicators,
    resultFormat: form.resultFormat,
    alertCondition: form.alertCondition,
    alertMetric: form.useMetric ? form.alertMetric.trim() : null,
    alertDirection: form.useMetric ? form.alertDirection : null,
    alertLimit: form.useMetric ? Number(form.alertLimit) : null,
    alertNotifyId: form.alertNotifyId,
  };
}

/** Only what differs from the card: the server leaves every field that is not sent as it is. */
export function changedFields(card: CardDetail, form: CardFieldsDraft): UpdateCardBody {
  const before = cardFieldsBody(draftFromCard(card));
  const after = cardFieldsBody(form);
  const changed: Record<string, unknown> = {};
  for (const field of cardFields) {
    if (after[field] !== before[field]) changed[field] = after[field];
  }
  return changed as UpdateCardBody;
}

/**
 * The checks made before sending, keyed by field. A due date already past is accepted when it is the one the
 * card has (`keptDueOn`): editing an overdue card's risks must not require moving its date.
 */
export function validateCardFields(
  form: CardFieldsDraft,
  t: (key: string) => string,
  today: string,
  keptDueOn?: string,
): Record<string, string> {
  const next: Record<string, string> = {};
  if (!form.outcome.trim()) next.outcome = t('delegation.form.errors.outcome');
  if (!form.dueOn) next.dueOn = t('delegation.form.errors.dueOn');
  else if (form.dueOn < today && form.dueOn !== keptDueOn) next.dueOn = t('delegation.form.errors.dueOnPast');
  if (form.level === null) next.level = t('delegation.form.errors.level');
  if (form.useMetric) {
    if (!form.alertMetric.trim()) next.alertMetric = t('delegation.form.errors.metric');
    if (form.alertLimit === '' || !Number.isFinite(Number(form.alertLimit)))
      next.alertLimit = t('delegation.form.errors.limit');
  }
  return next;
}
