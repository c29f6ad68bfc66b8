import { onPeopleChanged } from '../people/person.repository.ts';
import type { CardRows } from './delegation.repository.ts';

/**
 * The rows a card's page is built from (card, checkpoints, conversation, validations, indicator values,
 * bravos, domain and level, names), kept per card in this process so that opening a card, and answering a
 * write with the card as it now is, run no query. Nothing here decides who may read: the caller authorizes
 * against the card it holds, and the page is presented for each reader from these rows.
 *
 * Kept correct by three rules:
 * - a write to a card forgets it once committed (`cardChanged`), or applies the change it knows to the stored
 *   rows (`patchCard`, under `withCardLock` so that two writes to one card patch in the order they wrote);
 * - anything else that can change what a card shows — a domain renamed, a level set, a hand-over, any
 *   delegation or autonomy request that fails midway, any people change (names) — forgets every card
 *   (`cardsChanged`);
 * - rows read before such a change are never stored after it (generation and per-card version), and stored
 *   rows are read again after TTL_MS, which bounds what another instance's writes (PostgreSQL) can leave stale.
 */
const TTL_MS = 5_000;
const MAX_CARDS = 5_000;

interface Entry {
  rows: CardRows;
  generation: number;
  at: number;
}
const entries = new Map<string, Entry>();
const versions = new Map<string, number>();
let generation = 0;

const versionOf = (id: string) => versions.get(id) ?? 0;

export async function cachedCardRows(
  id: string,
  load: () => Promise<CardRows | undefined>,
): Promise<CardRows | undefined> {
  const hit = entries.get(id);
  if (hit && hit.generation === generation && Date.now() - hit.at <= TTL_MS) return hit.rows;
  const startedAt = { generation, version: versionOf(id), at: Date.now() };
  const rows = await load();
  if (rows && startedAt.generation === generation && startedAt.version === versionOf(id)) {
    if (entries.size >= MAX_CARDS) entries.clear();
    entries.set(id, { rows, generation, at: startedAt.at });
  }
  return rows;
}

/** A card was written: its stored rows are forgotten, and rows being read right now are not kept. */
export function cardChanged(id: string): void {
  if (versions.size >= MAX_CARDS * 4) versions.clear();
  versions.set(id, versionOf(id) + 1);
  entries.delete(id);
}

/**
 * A write whose effect on the rows is known exactly: applied to the stored rows, if any, instead of forgetting
 * them. `patch` returns the new rows (never mutating the old ones, which a reader may be presenting), or null
 * when it cannot tell, and the card is forgotten.
 */
export function patchCard(id: string, patch: (rows: CardRows) => CardRows | null): void {
  const hit = entries.get(id);
  cardChanged(id);
  if (!hit || hit.generation !== generation) return;
  const rows = patch(hit.rows);
  if (rows) entries.set(id, { ...hit, rows });
}

/** Something that may change any card's page: every stored card is forgotten. */
export function cardsChanged(): void {
  generation += 1;
  // Only when something is held: a cleared Map gets a fresh table (see org-cache.ts `clear`).
  if (entries.size > 0) entries.clear();
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `work` after the previous work on the same card (in this process) has finished. */
export function withCardLock<T>(id: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(id) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(id, settled);
  void settled.then(() => {
    if (locks.get(id) === settled) locks.delete(id);
  });
  return run;
}

onPeopleChanged(() => cardsChanged());
