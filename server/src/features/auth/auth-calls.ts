import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Every call into better-auth goes through `authCall`, so that its AsyncLocalStorage is switched off again
 * once no call is running.
 *
 * Why: better-auth keeps each call's state in AsyncLocalStorage. On Node 20, from the first `run()` of any
 * storage, a promise hook runs for every promise the process creates, for as long as a storage stays
 * enabled, that is for ever after the first sign-in. Requests that never touch better-auth (nearly all of
 * them: `session-fast-path.ts`) paid for it: a profile edit or an OKR review used ~12% more CPU (interleaved
 * 6 s runs, 50 connections). When the last running call ends, better-auth's storages are disabled (its own
 * registry, `Symbol.for('better-auth:global')`); its next `run()` enables them again, so a storage is never
 * disabled while a call that may read it is running.
 */
let running = 0;

const BETTER_AUTH_GLOBAL = Symbol.for('better-auth:global');

function storagesOfBetterAuth(): AsyncLocalStorage<unknown>[] {
  const registry = (globalThis as Record<symbol, { context?: Record<string, AsyncLocalStorage<unknown>> }>)[
    BETTER_AUTH_GLOBAL
  ];
  return Object.values(registry?.context ?? {});
}

export async function authCall<T>(call: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await call();
  } finally {
    running -= 1;
    if (running === 0) for (const storage of storagesOfBetterAuth()) storage.disable();
  }
}

/** Calls into better-auth running now (tests). */
export const authCallsRunning = (): number => running;
