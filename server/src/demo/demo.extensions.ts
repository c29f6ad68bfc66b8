import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DemoPerson, DemoPlan } from './demo.plan.ts';
import { delegationDemo } from './delegation.demo.ts';
import { oneOnOnesDemo } from './one-on-ones.demo.ts';
import { okrDemo } from './okr.demo.ts';

/** What a demo extension (history of one-to-ones, delegations, OKR…) receives once the people exist. */
export interface DemoContext {
  db: Kysely<DB>;
  orgId: string;
  plan: DemoPlan;
  /** Plan key (e.g. `lead-gc-nantes`) → person id in the database. */
  personIds: ReadonlyMap<string, string>;
  /** The planned person for a key, with its database id. */
  person(key: string): DemoPerson & { id: string };
  /** True when this run created the organisation; extensions must still be safe to run twice. */
  fresh: boolean;
  /** Reference instant of the run, so that generated history is relative to it. */
  now: Date;
  /** Seed for extensions' own `createRng(seed + n)` so their data is deterministic too. */
  seed: number;
  log: (line: string) => void;
}

export interface DemoExtension {
  name: string;
  run(ctx: DemoContext): Promise<void>;
}

/** Modules add their history generators here; they run in order after the people are in place. */
export const demoExtensions: DemoExtension[] = [oneOnOnesDemo, delegationDemo, okrDemo];
