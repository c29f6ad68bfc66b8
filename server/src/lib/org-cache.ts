/**
 * A short-lived, per-process cache of computed responses, partitioned by organisation. Every write that can
 * change a cached response calls `changed(orgId)` once committed, so the next read in this process computes
 * afresh; another instance (PostgreSQL deployments) sees the change within `ttlMs` at most. A value is
 * stored under the version seen when its computation started, so a read racing a write can never keep the
 * older data under the newer version. The cache never decides who may read: callers either authorize before
 * every lookup, or authorize inside `compute` and put the reader in the key (a stored value then proves that
 * reader was allowed; a refusal throws, and nothing is stored). Either way the key holds whatever of the
 * caller shapes the response, and what decides access must empty the cache when it changes.
 */
export interface OrgCache<T> {
  /** `keep` may refuse to store a value that must be computed afresh each time (it is still returned). */
  getOrCompute(
    orgId: string,
    key: string,
    compute: () => Promise<T>,
    keep?: (value: T) => boolean,
  ): Promise<T>;
  /** Something in this organisation changed: forget its entries. */
  changed(orgId: string): void;
  /** Something that may touch every organisation changed (people moved): forget everything. */
  clear(): void;
}

export function createOrgCache<T>(opts: { ttlMs: number; maxEntries: number }): OrgCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  const versions = new Map<string, number>();
  let generation = 0;
  return {
    async getOrCompute(orgId, key, compute, keep) {
      const full = `${orgId}:${generation}:${versions.get(orgId) ?? 0}:${key}`;
      const hit = entries.get(full);
      if (hit && Date.now() - hit.at <= opts.ttlMs) return hit.value;
      const value = await compute();
      if (keep && !keep(value)) return value;
      if (entries.size >= opts.maxEntries) entries.clear();
      entries.set(full, { value, at: Date.now() });
      return value;
    },
    changed(orgId) {
      versions.set(orgId, (versions.get(orgId) ?? 0) + 1);
      for (const k of entries.keys()) if (k.startsWith(`${orgId}:`)) entries.delete(k);
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}
