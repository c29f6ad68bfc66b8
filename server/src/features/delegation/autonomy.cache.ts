import { onPeopleChanged } from '../people/person.repository.ts';

/**
 * Short-lived cache of computed autonomy matrices. Every write that changes levels, concluded items,
 * domains or people drops the organisation's entries in this process; other instances (PostgreSQL
 * deployments) see the change within TTL_MS at most. Authorization is checked before every lookup.
 */
const TTL_MS = 15_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  value: unknown;
  at: number;
}
const entries = new Map<string, Entry>();
const versions = new Map<string, number>();

export function autonomyChanged(orgId: string): void {
  versions.set(orgId, (versions.get(orgId) ?? 0) + 1);
}

const keyOf = (orgId: string, key: string) => `${orgId}:${versions.get(orgId) ?? 0}:${key}`;

export function cached<T>(orgId: string, key: string): T | undefined {
  const e = entries.get(keyOf(orgId, key));
  if (!e || Date.now() - e.at > TTL_MS) return undefined;
  return e.value as T;
}

export function remember<T>(orgId: string, key: string, value: T): T {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(keyOf(orgId, key), { value, at: Date.now() });
  return value;
}

// A move in the hierarchy changes teams and subtrees: forget everything.
onPeopleChanged(() => entries.clear());
