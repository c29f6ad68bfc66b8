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
