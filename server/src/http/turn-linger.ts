import type { FastifyInstance } from 'fastify';

/**
 * Under load, a short pause after each busy event-loop turn, so that the clients answered last in a turn are
 * served in the next one instead of the one after.
 *
 * Why: the loop reads every socket that has a request waiting, answers them one after the other, then polls
 * again at once. The connections answered last have not had time to send their next request (their client
 * needs ~0.1–0.2 ms to wake up and write it), so the poll misses them; and the kernel then lists the sockets
 * it reported before ahead of the newcomers, so the late ones are served at the end of the turn after: each
 * turn, the last one or two of 50 connections waited two turns instead of one. That is ~2% of requests, so
 * the p99 of a busy server sat at twice its mean (bench, write scenarios; a bare node:http server too).
 *
 * The pause is a sleep (no CPU burnt), only after a turn that started at least MIN_ARRIVALS requests and lasted
 * at least MIN_TURN_US: a server that keeps up never pauses, nor does one answering many cheap reads. It asks
 * for SLEEP_US; the thread wakes ~0.1 ms later than asked on this machine (Atomics.wait of 0.15 ms: 0.25 ms
 * measured), so a pause costs at most ~5% of a 5 ms turn and ~1% of a write scenario's 15–25 ms turns.
 */
const MIN_ARRIVALS = 8;
const MIN_TURN_US = 5_000;
const SLEEP_US = 150;

/** How long to sleep after a turn that started `arrivals` requests over `turnUs` microseconds (0: no pause). */
export function pauseAfterTurnUs(arrivals: number, turnUs: number): number {
  return arrivals >= MIN_ARRIVALS && turnUs >= MIN_TURN_US ? SLEEP_US : 0;
}

export function registerTurnLinger(app: FastifyInstance): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  let arrivals = 0;
  let firstAt = 0;
  // setImmediate runs right after the poll phase that read this turn's requests and answered the synchronous ones.
  const afterTurn = () => {
    const pauseUs = pauseAfterTurnUs(arrivals, (performance.now() - firstAt) * 1000);
    arrivals = 0;
    if (pauseUs > 0) Atomics.wait(sleeper, 0, 0, pauseUs / 1000);
  };
  app.addHook('onRequest', (_req, _reply, done) => {
    if (++arrivals === 1) {
      firstAt = performance.now();
      setImmediate(afterTurn);
    }
    done();
  });
}
