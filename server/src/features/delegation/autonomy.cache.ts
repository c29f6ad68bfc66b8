import { createOrgCache } from '../../lib/org-cache.ts';
import { onPeopleChanged } from '../people/person.repository.ts';
import { cardsChanged } from './card.cache.ts';

/**
 * Computed autonomy matrices (UTF-8 JSON). Every write that changes levels, concluded items or domains calls
 * `autonomyChanged`; a move in the hierarchy changes teams and subtrees, so people changes forget everything.
 * A card's page shows its domain and the assignee's level there: stored cards are forgotten too.
 */
export const matrixCache = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 2_000 });

export const autonomyChanged = (orgId: string): void => {
  matrixCache.changed(orgId);
  cardsChanged();
};

onPeopleChanged(() => matrixCache.clear());
