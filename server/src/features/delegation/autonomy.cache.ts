import { createOrgCache } from '../../lib/org-cache.ts';
import { onPeopleChanged } from '../people/person.repository.ts';

/**
 * Computed autonomy matrices (UTF-8 JSON). Every write that changes levels, concluded items or domains calls
 * `autonomyChanged`; a move in the hierarchy changes teams and subtrees, so people changes forget everything.
 */
export const matrixCache = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 2_000 });

export const autonomyChanged = (orgId: string): void => matrixCache.changed(orgId);

onPeopleChanged(() => matrixCache.clear());
