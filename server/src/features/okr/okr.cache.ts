import { createOrgCache } from '../../lib/org-cache.ts';
import { onPeopleChanged } from '../people/person.repository.ts';

/**
 * Team objective pages as UTF-8 JSON, per team, reader and day (what the reader may do and see shapes the
 * page). Every OKR write drops its organisation's pages once committed; names and teams come from people,
 * so any people change forgets everything.
 */
export const teamPageCache = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 5_000 });

export const okrChanged = (orgId: string): void => teamPageCache.changed(orgId);

onPeopleChanged(() => teamPageCache.clear());
