import type { TeamSubject } from '../../http/policy.ts';
import { createOrgCache } from '../../lib/org-cache.ts';
import { onPeopleChanged } from '../people/person.repository.ts';
import type { KeyResultRow, ObjectiveRow, PersonLite } from './okr.repository.ts';

/**
 * Team objective pages as UTF-8 JSON, per team, reader and day (what the reader may do and see shapes the
 * page). Every OKR write drops its organisation's pages once committed; names and teams come from people,
 * so any people change forgets everything.
 */
export const teamPageCache = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 5_000 });

export interface LoadedObjective {
  readonly o: Readonly<ObjectiveRow>;
  readonly manager: Readonly<PersonLite>;
  readonly team: readonly Readonly<PersonLite>[];
  readonly subject: Readonly<TeamSubject>;
  readonly keyResults: readonly Readonly<KeyResultRow>[];
  /** The objective it aligns with (null when none, or gone) and those aligned with it, of any team. */
  readonly parent: Readonly<ObjectiveRow> | null;
  readonly children: readonly Readonly<ObjectiveRow>[];
}

/**
 * An objective's row, its team and the team's chain, its key results, parent and children: what every read
 * of an objective, and every write on it, starts from (six queries). A weekly review changes none of them
 * (`reviewSaved`); every other OKR write
 * forgets the organisation's, and any people change forgets all. The short TTL bounds what another
 * instance's writes (PostgreSQL) can leave stale.
 */
export const objectiveCache = createOrgCache<LoadedObjective>({ ttlMs: 5_000, maxEntries: 2_000 });

export const okrChanged = (orgId: string): void => {
  teamPageCache.changed(orgId);
  objectiveCache.changed(orgId);
};

/** A review was saved: team pages show it; the objective, its team and chain are as they were. */
export const reviewSaved = (orgId: string): void => teamPageCache.changed(orgId);

onPeopleChanged(() => {
  teamPageCache.clear();
  objectiveCache.clear();
});
