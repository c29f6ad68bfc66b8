import type { Locale } from '../../../core/api/common.schemas.ts';
import { forbidden, notFound } from './errors.ts';

/** Who is calling: resolved once per request by the auth hook. */
export interface Actor {
  userId: string;
  personId: string;
  orgId: string;
  isAdmin: boolean;
  locale: Locale;
  /** Whether the account has two-step verification on (read from the same session lookup). */
  twoFactorEnabled: boolean;
}

/** What is being touched. `chain` lists the subject's managers, nearest first, loaded by the repository. */
export interface OrgSubject {
  orgId: string;
}
export interface PersonSubject extends OrgSubject {
  id: string;
  managerId: string | null;
  chain: readonly string[];
}

// Named relationship predicates: every rule below is built from these and nothing else.
export const sameOrg = (a: Actor, s: OrgSubject) => a.orgId === s.orgId;
export const admin = (a: Actor, s: OrgSubject) => a.isAdmin && sameOrg(a, s);
export const self = (a: Actor, s: PersonSubject) => sameOrg(a, s) && a.personId === s.id;
export const managerOf = (a: Actor, s: PersonSubject) => sameOrg(a, s) && s.managerId === a.personId;
export const inChainOf = (a: Actor, s: PersonSubject) => sameOrg(a, s) && s.chain.includes(a.personId);

/** A one-to-one pair (series, meeting, topic, action): the two participants. */
export interface PairSubject extends OrgSubject {
  managerId: string;
  reportId: string;
}
/** Something only its author may read (private notes). */
export interface AuthoredSubject extends OrgSubject {
  authorId: string;
}
export const participant = (a: Actor, s: PairSubject) =>
  sameOrg(a, s) && (a.personId === s.managerId || a.personId === s.reportId);
export const reportIn = (a: Actor, s: PairSubject) => sameOrg(a, s) && a.personId === s.reportId;
export const author = (a: Actor, s: AuthoredSubject) => sameOrg(a, s) && a.personId === s.authorId;

/** A delegation card: the delegator, the assignee, and the manager chains of both (`chain`). */
export interface CardSubject extends OrgSubject {
  delegatorId: string;
  assigneeId: string;
  chain: readonly string[];
}
/** A team, identified by its lead (the manager): members are the lead and their direct reports. */
export interface TeamSubject extends OrgSubject {
  leadId: string;
  memberIds: readonly string[];
  /** The lead's managers, nearest first. */
  chain: readonly string[];
}
/** A client handover: the manager handing over, the member taking over, and the manager chain of both. */
export interface HandoverSubject extends OrgSubject {
  managerId: string;
  memberId: string;
  chain: readonly string[];
}
export const delegator = (a: Actor, s: CardSubject) => sameOrg(a, s) && a.personId === s.delegatorId;
export const assignee = (a: Actor, s: CardSubject) => sameOrg(a, s) && a.personId === s.assigneeId;
export const aboveCard = (a: Actor, s: CardSubject) => sameOrg(a, s) && s.chain.includes(a.personId);
export const teamLead = (a: Actor, s: TeamSubject) => sameOrg(a, s) && a.personId === s.leadId;
export const teamMember = (a: Actor, s: TeamSubject) =>
  teamLead(a, s) || (sameOrg(a, s) && s.memberIds.includes(a.personId));
export const aboveTeam = (a: Actor, s: TeamSubject) => sameOrg(a, s) && s.chain.includes(a.personId);
export const handoverParty = (a: Actor, s: HandoverSubject) =>
  sameOrg(a, s) && (a.personId === s.managerId || a.personId === s.memberId);
export const aboveHandover = (a: Actor, s: HandoverSubject) => sameOrg(a, s) && s.chain.includes(a.personId);

/** A pitch or an offer (Clarté): its author, the people it is shared with (read only), its requested reviewers. */
export interface ClarityItemSubject extends OrgSubject {
  authorId: string;
  sharedWith: readonly string[];
  reviewerIds: readonly string[];
}
/** A request for review by a non-expert peer: the person who asked and the person who reads. */
export interface ClarityReviewSubject extends OrgSubject {
  requesterId: string;
  reviewerId: string;
}
export const sharedWith = (a: Actor, s: ClarityItemSubject) =>
  sameOrg(a, s) && s.sharedWith.includes(a.personId);
export const requestedReviewer = (a: Actor, s: ClarityItemSubject) =>
  sameOrg(a, s) && s.reviewerIds.includes(a.personId);
export const requester = (a: Actor, s: ClarityReviewSubject) => sameOrg(a, s) && a.personId === s.requesterId;
export const reviewer = (a: Actor, s: ClarityReviewSubject) => sameOrg(a, s) && a.personId === s.reviewerId;

/** The policy table: one line per action. Later modules add rows (participant, author, coachOf, sponsorOf). */
export const policies = {
  'organisation.read': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'organisation.update': (a: Actor, s: OrgSubject) => admin(a, s),
  'people.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'people.create': (a: Actor, s: OrgSubject) => admin(a, s),
  'people.import': (a: Actor, s: OrgSubject) => admin(a, s),
  'outbox.read': (a: Actor, s: OrgSubject) => admin(a, s),
  'audit.read': (a: Actor, s: OrgSubject) => admin(a, s),
  'person.read': (a: Actor, s: PersonSubject) => sameOrg(a, s),
  'person.update': (a: Actor, s: PersonSubject) => self(a, s) || admin(a, s),
  'person.updateManager': (a: Actor, s: PersonSubject) => admin(a, s),
  'person.updateRole': (a: Actor, s: PersonSubject) => admin(a, s) && !self(a, s),
  'person.invite': (a: Actor, s: PersonSubject) => admin(a, s),
  'person.readTeam': (a: Actor, s: PersonSubject) => self(a, s) || inChainOf(a, s) || admin(a, s),
  'person.export': (a: Actor, s: PersonSubject) => self(a, s),
  'oneOnOne.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'oneOnOne.create': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'oneOnOne.read': (a: Actor, s: PairSubject) => participant(a, s),
  'oneOnOne.write': (a: Actor, s: PairSubject) => participant(a, s),
  'oneOnOne.rate': (a: Actor, s: PairSubject) => reportIn(a, s),
  'oneOnOne.readPrivateNote': (a: Actor, s: AuthoredSubject) => author(a, s),
  'oneOnOne.readRatingSummary': (a: Actor, s: PersonSubject) => self(a, s),
  'oneOnOne.readCadence': (a: Actor, s: PersonSubject) => self(a, s) || inChainOf(a, s) || admin(a, s),
  // OKR light: the team and its manager chain read, admin reads only; the manager writes, any member reviews.
  'okr.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'okr.readSettings': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'okr.updateSettings': (a: Actor, s: OrgSubject) => admin(a, s),
  'okr.read': (a: Actor, s: TeamSubject) => teamMember(a, s) || aboveTeam(a, s) || admin(a, s),
  'okr.write': (a: Actor, s: TeamSubject) => teamLead(a, s),
  'okr.review': (a: Actor, s: TeamSubject) => teamMember(a, s),
  'delegation.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'delegation.create': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'delegation.read': (a: Actor, s: CardSubject) =>
    delegator(a, s) || assignee(a, s) || aboveCard(a, s) || admin(a, s),
  'delegation.manage': (a: Actor, s: CardSubject) => delegator(a, s),
  'delegation.act': (a: Actor, s: CardSubject) => assignee(a, s),
  'delegation.discuss': (a: Actor, s: CardSubject) => delegator(a, s) || assignee(a, s),
  'delegation.readTeam': (a: Actor, s: TeamSubject) => teamMember(a, s) || aboveTeam(a, s) || admin(a, s),
  'delegation.manageTeam': (a: Actor, s: TeamSubject) => teamLead(a, s) || admin(a, s),
  'delegation.readSamples': (a: Actor, s: PersonSubject) => self(a, s) || inChainOf(a, s) || admin(a, s),
  'delegation.reviewSample': (a: Actor, s: PersonSubject) => self(a, s),
  'autonomy.read': (a: Actor, s: PersonSubject) => self(a, s) || inChainOf(a, s) || admin(a, s),
  'autonomy.setLevel': (a: Actor, s: PersonSubject) => inChainOf(a, s),
  'autonomy.logInitiative': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'handover.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'handover.create': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'handover.read': (a: Actor, s: HandoverSubject) =>
    handoverParty(a, s) || aboveHandover(a, s) || admin(a, s),
  'handover.write': (a: Actor, s: HandoverSubject) => handoverParty(a, s),
  'learning.write': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'notification.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  // Clarté: pitches and offers are the author's, read by whom they share with and by requested reviewers;
  // review marks and comments are the requester's and the reviewer's only (admin included: 404).
  'clarity.list': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'clarity.create': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'clarity.read': (a: Actor, s: ClarityItemSubject) =>
    author(a, s) || sharedWith(a, s) || requestedReviewer(a, s),
  'clarity.write': (a: Actor, s: ClarityItemSubject) => author(a, s),
  'clarity.requestReview': (a: Actor, s: ClarityItemSubject) => author(a, s),
  'clarity.requestObjectiveReview': (a: Actor, s: TeamSubject) => teamMember(a, s),
  'clarity.readReview': (a: Actor, s: ClarityReviewSubject) => requester(a, s) || reviewer(a, s),
  'clarity.answerReview': (a: Actor, s: ClarityReviewSubject) => reviewer(a, s),
  'clarity.withdrawReview': (a: Actor, s: ClarityReviewSubject) => requester(a, s),
  // The organisation's jargon list: everyone's clarity check uses it; the admin edits it.
  'clarity.readJargon': (a: Actor, s: OrgSubject) => sameOrg(a, s),
  'clarity.updateJargon': (a: Actor, s: OrgSubject) => admin(a, s),
} as const;

export type Action = keyof typeof policies;
type SubjectOf<A extends Action> = Parameters<(typeof policies)[A]>[1];

/** Routes declare one of these in `config.policy`; a route without one fails the route-policy test. */
export type RoutePolicy = Action | 'public' | 'authenticated';

/**
 * Writes on a subject the caller can see answer 403; everything else denied answers 404,
 * so a denied read never confirms that a record exists.
 */
const readActionOf: Partial<Record<Action, Action>> = {
  'person.update': 'person.read',
  'person.updateManager': 'person.read',
  'person.updateRole': 'person.read',
  'person.invite': 'person.read',
  'organisation.update': 'organisation.read',
  'people.create': 'organisation.read',
  'people.import': 'organisation.read',
  'outbox.read': 'organisation.read',
  'audit.read': 'organisation.read',
  'oneOnOne.write': 'oneOnOne.read',
  'oneOnOne.rate': 'oneOnOne.read',
  'okr.updateSettings': 'okr.readSettings',
  'okr.write': 'okr.read',
  'okr.review': 'okr.read',
  'delegation.manage': 'delegation.read',
  'delegation.act': 'delegation.read',
  'delegation.discuss': 'delegation.read',
  'delegation.manageTeam': 'delegation.readTeam',
  'delegation.reviewSample': 'delegation.readSamples',
  'autonomy.setLevel': 'autonomy.read',
  'handover.write': 'handover.read',
  'clarity.write': 'clarity.read',
  'clarity.requestReview': 'clarity.read',
  'clarity.requestObjectiveReview': 'okr.read',
  'clarity.answerReview': 'clarity.readReview',
  'clarity.withdrawReview': 'clarity.readReview',
  'clarity.updateJargon': 'clarity.readJargon',
};

export function can<A extends Action>(actor: Actor, action: A, subject: SubjectOf<A>): boolean {
  const rule = policies[action] as (a: Actor, s: SubjectOf<A>) => boolean;
  return rule(actor, subject);
}

/** Throws 404 when the caller may not know the subject exists, 403 when they may see it but not do this. */
export function authorize<A extends Action>(actor: Actor, action: A, subject: SubjectOf<A>): void {
  if (can(actor, action, subject)) return;
  const readAction = readActionOf[action];
  if (readAction && (policies[readAction] as (a: Actor, s: SubjectOf<A>) => boolean)(actor, subject))
    throw forbidden();
  throw notFound();
}
