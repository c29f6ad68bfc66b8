import type {
  Mark,
  OfferDetail,
  Passage,
  PitchDetail,
  PitchKind,
  ReviewItemType,
  ReviewSummary,
  Tier,
} from '../../../../core/api/clarity.schemas.ts';
import { can, type Actor, type ClarityItemSubject } from '../../http/policy.ts';
import { fullName } from '../people/person.presenter.ts';
import type { PersonName } from './clarity.repository.ts';
import type { ClOfferTable, ClPitchTable, ClReviewMarkTable, ClReviewTable } from './clarity.table.ts';

/** Instants read back from either engine as one ISO form. */
export const iso = (v: string) => new Date(v).toISOString();

export const personRef = (names: Map<string, PersonName>, id: string) => {
  const p = names.get(id);
  return { id, name: p ? fullName(p) : '' };
};

const itemPermissions = (actor: Actor, subject: ClarityItemSubject) => ({
  edit: can(actor, 'clarity.write', subject),
  requestReview: can(actor, 'clarity.requestReview', subject),
});

export function presentPitch(
  actor: Actor,
  p: ClPitchTable,
  subject: ClarityItemSubject,
  names: Map<string, PersonName>,
): PitchDetail {
  const edit = can(actor, 'clarity.write', subject);
  return {
    id: p.id,
    title: p.title,
    kind: p.kind as PitchKind,
    body: p.body,
    wordBudget: p.word_budget,
    wordCount: p.word_count,
    author: personRef(names, p.author_id),
    // Only the author sees whom it is shared with.
    sharedWith: edit ? subject.sharedWith.map((id) => personRef(names, id)) : [],
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    permissions: itemPermissions(actor, subject),
  };
}

export function parseTiers(json: string): Tier[] {
  try {
    const raw = JSON.parse(json) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.map((t: Partial<Tier>) => ({
      name: String(t.name ?? ''),
      forWhom: String(t.forWhom ?? ''),
      benefits: Array.isArray(t.benefits) ? t.benefits.map(String) : [],
      price: String(t.price ?? ''),
    }));
  } catch {
    return [];
  }
}

export function presentOffer(
  actor: Actor,
  o: ClOfferTable,
  subject: ClarityItemSubject,
  names: Map<string, PersonName>,
): OfferDetail {
  const edit = can(actor, 'clarity.write', subject);
  return {
    id: o.id,
    title: o.title,
    tiers: parseTiers(o.tiers),
    author: personRef(names, o.author_id),
    sharedWith: edit ? subject.sharedWith.map((id) => personRef(names, id)) : [],
    createdAt: iso(o.created_at),
    updatedAt: iso(o.updated_at),
    permissions: itemPermissions(actor, subject),
  };
}

export const presentMark = (m: ClReviewMarkTable): Mark => ({
  id: m.id,
  kind: m.kind === 'unclear' ? 'unclear' : 'comment',
  excerpt: m.excerpt,
  field: m.field,
  comment: m.comment,
  createdAt: iso(m.created_at),
});

export function presentReview(
  actor: Actor,
  r: ClReviewTable,
  title: string,
  marks: readonly ClReviewMarkTable[],
  names: Map<string, PersonName>,
): ReviewSummary {
  return {
    id: r.id,
    itemType: r.item_type as ReviewItemType,
    itemId: r.item_id,
    itemTitle: title,
    requester: personRef(names, r.requester_id),
    reviewer: personRef(names, r.reviewer_id),
    message: r.message,
    status: r.status === 'answered' ? 'answered' : 'open',
    createdAt: iso(r.created_at),
    answeredAt: r.answered_at ? iso(r.answered_at) : null,
    marks: marks.map(presentMark),
    permissions: {
      mark: actor.personId === r.reviewer_id,
      withdraw: actor.personId === r.requester_id,
    },
  };
}

/** The texts of an item as passages the reviewer reads and quotes from (see `passage` in the contract). */
export function pitchPassages(p: ClPitchTable): Passage[] {
  return [
    { field: 'title', text: p.title },
    { field: 'body', text: p.body },
  ];
}

export function offerPassages(o: ClOfferTable): Passage[] {
  const out: Passage[] = [{ field: 'title', text: o.title }];
  parseTiers(o.tiers).forEach((t, i) => {
    out.push({ field: `tiers.${i}.name`, text: t.name });
    out.push({ field: `tiers.${i}.forWhom`, text: t.forWhom });
    t.benefits.forEach((b, j) => out.push({ field: `tiers.${i}.benefits.${j}`, text: b }));
    out.push({ field: `tiers.${i}.price`, text: t.price });
  });
  return out;
}

export function objectivePassages(o: {
  title: string;
  rules: string;
  scope: string;
  priorities: string;
  keyResults: string[];
}): Passage[] {
  return [
    { field: 'title', text: o.title },
    { field: 'rules', text: o.rules },
    { field: 'scope', text: o.scope },
    { field: 'priorities', text: o.priorities },
    ...o.keyResults.map((k, i) => ({ field: `keyResults.${i}`, text: k })),
  ];
}
