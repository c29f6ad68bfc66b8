import type { LoadResult } from './load.ts';
import type { MicroResult } from './micro.ts';
import type { PageLoad, WebResult } from './web.ts';

export type Engine = 'sqlite' | 'postgres';

export interface ScenarioResult {
  id: string;
  title: string;
  kind: 'read' | 'write';
  judged: boolean;
  p99TargetMs: number;
  note?: string;
  responseBytes?: number;
  relais?: LoadResult;
  /** The bare node:http server answering the same bytes, measured right after. */
  bare?: LoadResult;
  /** Relais ÷ bare, requests per second. */
  ratio?: number;
  /** Writes: the bare server spending `cpuMicros` on each request, to answer as many per second as Relais. */
  floor?: LoadResult & { cpuMicros: number };
  /** p50 on the 3-year organisation ÷ p50 on the 3-month one: the median of interleaved pairs (`pairs`). */
  growth?: { shortP50Ms: number; ratio: number; basis: 'p50' | 'mean'; pairs?: number[] };
  rssAfterMB?: number;
  error?: string;
}

export interface EngineResult {
  engine: Engine;
  /** Seconds to generate the dataset into this engine (0 when read from the SQLite cache). */
  generationSeconds: number;
  fromCache: boolean;
  scenarios: ScenarioResult[];
  /** RSS of the Relais process right after it started, before any load. */
  rssIdleMB?: number;
  rssAfterLoadMB?: number;
  startToHealthyMs?: number;
  startSamplesMs?: number[];
  error?: string;
}

export interface Check {
  figure: string;
  value: number | null;
  unit: string;
  target: string;
  /** null: not judged (quick run, or a figure the targets do not apply to). */
  met: boolean | null;
  note?: string;
}

export interface BenchResults {
  mode: 'full' | 'quick';
  startedAt: string;
  durationSeconds: number;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGB: number;
    node: string;
    os: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: { connections: number; seconds: number; warmupSeconds: number };
  dataset: {
    key: string;
    peoplePerOrganisation: number;
    managers: number;
    historyGenerated: boolean;
    sqliteGenerationSeconds: number;
    fromCache: boolean;
    counts: Record<string, number>;
  };
  engines: EngineResult[];
  web: WebResult;
  micro: MicroResult[];
  checks: Check[];
  notes: string[];
}

const READ_RATIO = 0.25;
const GROWTH = 1.3;
const WRITE_RPS = 1000;
const WRITE_P99 = 30;
const PG_READ_P99 = 40;

/** Every figure next to its target from the benchmark issue; in a quick run nothing is judged. */
export function buildChecks(
  engines: EngineResult[],
  web: WebResult,
  micro: MicroResult[],
  judge: boolean,
): Check[] {
  const checks: Check[] = [];
  const add = (
    figure: string,
    value: number | null | undefined,
    unit: string,
    target: string,
    ok: (v: number) => boolean,
    judged = true,
    note?: string,
  ) =>
    checks.push({
      figure,
      value: value ?? null,
      unit,
      target,
      met: judge && judged && value != null ? ok(value) : null,
      ...(note ? { note } : {}),
    });
  for (const e of engines) {
    const db = e.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    for (const s of e.scenarios) {
      const r = s.relais;
      if (s.error || !r) {
        checks.push({
          figure: `${db} ${s.id}`,
          value: null,
          unit: '',
          target: 'runs',
          met: judge ? false : null,
          note: s.error,
        });
        continue;
      }
      add(`${db} ${s.id} non-2xx + errors`, r.non2xx + r.errors + r.timeouts, '', '= 0', (v) => v === 0);
      if (s.kind === 'read') {
        const p99Target = e.engine === 'sqlite' ? s.p99TargetMs : Math.max(PG_READ_P99, s.p99TargetMs);
        add(
          `${db} ${s.id} p99`,
          r.p99Ms,
          'ms',
          `≤ ${p99Target}`,
          (v) => v <= p99Target,
          s.judged,
          s.judged ? undefined : s.note,
        );
        add(
          `${db} ${s.id} Relais ÷ bare`,
          s.ratio,
          '',
          `≥ ${READ_RATIO}`,
          (v) => v >= READ_RATIO,
          s.judged && e.engine === 'sqlite',
          e.engine === 'sqlite' ? (s.judged ? undefined : s.note) : 'target set on SQLite only',
        );
        if (s.growth)
          add(
            `${db} ${s.id} growth ${s.growth.basis} 3y ÷ 3m`,
            s.growth.ratio,
            '',
            `≤ ${GROWTH}`,
            (v) => v <= GROWTH,
            s.judged,
          );
      } else {
        add(
          `${db} ${s.id} writes/s`,
          r.requestsPerSecond,
          '/s',
          `≥ ${WRITE_RPS}`,
          (v) => v >= WRITE_RPS,
          e.engine === 'sqlite',
          e.engine === 'sqlite' ? undefined : 'target set on SQLite only',
        );
        add(
          `${db} ${s.id} p99`,
          r.p99Ms,
          'ms',
          `≤ ${WRITE_P99}`,
          (v) => v <= WRITE_P99,
          e.engine === 'sqlite',
          e.engine === 'sqlite' ? undefined : 'target set on SQLite only',
        );
        if (s.floor)
          add(
            `${db} ${s.id} p99 of the bare server at ${f0(s.floor.requestsPerSecond)}/s`,
            s.floor.p99Ms,
            'ms',
            `≤ ${WRITE_P99}`,
            (v) => v <= WRITE_P99,
            false,
            `context, not judged: it spends ${s.floor.cpuMicros} µs of CPU per request`,
          );
      }
    }
    add(
      `${db} start to healthy`,
      e.startToHealthyMs,
      'ms',
      '≤ 1000',
      (v) => v <= 1000,
      e.engine === 'sqlite',
    );
    add(`${db} RSS after load`, e.rssAfterLoadMB, 'MB', '≤ 200', (v) => v <= 200, e.engine === 'sqlite');
  }
  for (const m of micro)
    add(`${m.title}, p99`, m.p99Us / 1000, 'ms', `≤ ${m.targetUs / 1000}`, (v) => v <= m.targetUs / 1000);
  if (web.available) {
    add(
      'initial JS, sign-in page (gzip)',
      web.signInInitial.jsGzipBytes / 1000,
      'kB',
      '≤ 138',
      (v) => v <= 138,
    );
    add(
      'largest chunk (gzip)',
      web.largestChunk.gzipBytes / 1000,
      'kB',
      '≤ 100',
      (v) => v <= 100,
      true,
      web.largestChunk.file,
    );
    const lcp = (p: PageLoad | { error: string }) => ('lcpMs' in p ? p.lcpMs : null);
    add(
      'sign-in page LCP, 4× CPU',
      lcp(web.signInPage),
      'ms',
      '≤ 420',
      (v) => v <= 420,
      true,
      'error' in web.signInPage ? web.signInPage.error : undefined,
    );
    add(
      'home page LCP, 4× CPU, demo data',
      lcp(web.homePage),
      'ms',
      '≤ 1000',
      (v) => v <= 1000,
      true,
      'error' in web.homePage ? web.homePage.error : undefined,
    );
  } else {
    checks.push({
      figure: 'web page weight and LCP',
      value: null,
      unit: '',
      target: '',
      met: null,
      note: `not available: ${web.reason}`,
    });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------------------
// Text tables

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const f0 = (v: number | undefined) => (v === undefined ? '' : Math.round(v).toLocaleString('en-US'));
const f2 = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));
const kb = (v: number | undefined) => (v === undefined ? '' : (v / 1000).toFixed(1));

export function scenarioTable(e: EngineResult): string {
  const rows = e.scenarios.map((s) => [
    s.id + (s.judged ? '' : ' *'),
    s.kind,
    f0(s.relais?.requestsPerSecond),
    s.relais ? String(s.relais.p50Ms) : '',
    s.relais ? String(s.relais.p99Ms) : '',
    s.relais ? String(s.relais.errors + s.relais.timeouts) : '',
    s.relais ? String(s.relais.non2xx) : '',
    kb(s.responseBytes),
    f0((s.bare ?? s.floor)?.requestsPerSecond),
    (s.bare ?? s.floor) ? String((s.bare ?? s.floor)!.p99Ms) : '',
    f2(s.ratio),
    s.growth ? f2(s.growth.ratio) : '',
    s.rssAfterMB === undefined ? '' : f0(s.rssAfterMB),
    s.error ? `ERROR ${s.error}` : '',
  ]);
  return table(
    [
      'scenario',
      'kind',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'non-2xx',
      'kB',
      'bare req/s',
      'bare p99',
      'ratio',
      'growth',
      'RSS MB',
      '',
    ],
    rows,
    [false, false, true, true, true, true, true, true, true, true, true, true, true, false],
  );
}

export function checksTable(checks: Check[]): string {
  const fmt = (c: Check) =>
    c.value === null
      ? '—'
      : `${Number.isInteger(c.value) ? c.value : c.value.toFixed(c.value < 10 ? 2 : 1)} ${c.unit}`.trim();
  return table(
    ['figure', 'value', 'target', 'met', 'note'],
    checks.map((c) => [
      c.figure,
      fmt(c),
      c.target,
      c.met === null ? '–' : c.met ? 'yes' : 'NO',
      c.note ?? '',
    ]),
    [false, true, false, false, false],
  );
}

export function webLines(web: WebResult): string[] {
  if (!web.available) return [`Web: not available (${web.reason})`];
  const page = (name: string, p: PageLoad | { error: string }) =>
    'error' in p
      ? `${name}: not measured (${p.error})`
      : `${name}: LCP ${Math.round(p.lcpMs)} ms, TBT ${Math.round(p.tbtMs)} ms, JS ${kb(p.jsGzipBytes)} kB + CSS ${kb(p.cssGzipBytes)} kB gzip loaded, LCP element ${p.lcpElement || '?'} (median of ${p.runs})`;
  return [
    `Web bundle${web.built ? ' (built by this run)' : ''}: sign-in page initial JS ${kb(web.signInInitial.jsGzipBytes)} kB gzip (${kb(web.signInInitial.jsBytes)} kB raw) + CSS ${kb(web.signInInitial.cssGzipBytes)} kB gzip in ${web.signInInitial.files.length} files; largest chunk ${web.largestChunk.file} ${kb(web.largestChunk.gzipBytes)} kB gzip`,
    page('Sign-in page (4× CPU slowdown)', web.signInPage),
    page('Home page as a manager, demo data (4× CPU slowdown)', web.homePage),
  ];
}

export function renderText(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `Relais bench (${r.mode}) — ${r.startedAt} — ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, load average at start ${r.machine.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')}`,
    `autocannon ${r.settings.connections} connections, ${r.settings.warmupSeconds} s warm-up, ${r.settings.seconds} s measured; dataset ${r.dataset.peoplePerOrganisation} people × 2 organisations, ${r.dataset.managers} managers; SQLite generation ${r.dataset.sqliteGenerationSeconds.toFixed(1)} s${r.dataset.fromCache ? ' (cached)' : ''}`,
    '',
  );
  for (const e of r.engines) {
    const name = e.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    out.push(
      `${name}${e.engine === 'postgres' ? ` (data generated in ${e.generationSeconds.toFixed(1)} s)` : ''}${e.error ? ` — ERROR ${e.error}` : ''}`,
    );
    out.push(scenarioTable(e));
    out.push(
      `start to healthy ${e.startToHealthyMs === undefined ? '—' : Math.round(e.startToHealthyMs) + ' ms'}${e.startSamplesMs && e.startSamplesMs.length > 1 ? ` (median of ${e.startSamplesMs.map(Math.round).join(', ')})` : ''}; RSS ${e.rssIdleMB === undefined ? '—' : Math.round(e.rssIdleMB) + ' MB'} at start, ${e.rssAfterLoadMB === undefined ? '—' : Math.round(e.rssAfterLoadMB) + ' MB'} after the load scenarios`,
      '',
    );
  }
  out.push(...webLines(r.web), '');
  out.push(checksTable(r.checks), '');
  out.push(...r.notes.map((n) => `• ${n}`));
  return out.join('\n');
}
