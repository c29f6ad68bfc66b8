import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { loadConfig } from '../../server/src/config.ts';
import { startServices } from '../../server/src/services.ts';
import { runDemo } from '../../server/src/demo/demo.ts';
import { freePort } from '../../server/test/pg-cluster.ts';
import { BENCH_PASSWORD, benchEnv, repoRoot } from '../generate.ts';
import { startChild } from './children.ts';

const distDir = path.join(repoRoot, 'dist/web');
const CHROMIUM = '/usr/bin/chromium';
/**
 * Chromium reads only the last --disable-features it is given, and Playwright passes its own list first: ours
 * must repeat Playwright's (1.65: its `chromiumSwitches`; a renderer's command line shows the list in effect)
 * or every feature Playwright turns off (optimization hints, media router…) comes back on.
 */
const DISABLED_FEATURES = [
  'AimEnabled',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'PaintHolding',
  'PreconnectToSearch',
  'ThirdPartyStoragePartitioning',
  // Chromium 156 loads its address bar's suggestion popup, a WebUI page, in a "WebUI Top Renderer" process when
  // a tab opens: ~650 ms of one core's CPU during a measured load (seen in traces), which a 2-core machine takes
  // from the page being measured. It is the browser's UI, which headless mode never shows. Turning off only its
  // preloading (PreloadTopChromeWebUI) left it in one load in two.
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

export interface Asset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageLoad {
  lcpMs: number;
  tbtMs: number;
  /** What the largest contentful paint was, to check the page really rendered. */
  lcpElement: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
  runs: number;
}

export type WebResult =
  | {
      available: true;
      built: boolean;
      signInInitial: { jsGzipBytes: number; cssGzipBytes: number; jsBytes: number; files: Asset[] };
      largestChunk: Asset;
      signInPage: PageLoad | { error: string };
      homePage: PageLoad | { error: string };
    }
  | { available: false; reason: string };

/** Builds dist/web when missing; returns an error text when the bundle cannot be had (web still being written). */
export function ensureWebBundle(log: (l: string) => void): { built: boolean; error?: string } {
  if (existsSync(path.join(distDir, 'index.html'))) return { built: false };
  log('Building the web bundle (npm run build)…');
  const res = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (res.status !== 0 || !existsSync(path.join(distDir, 'index.html'))) {
    return {
      built: true,
      error: `npm run build failed: ${(res.stderr || res.stdout || '').trim().split('\n').slice(-5).join(' | ')}`,
    };
  }
  return { built: true };
}

const gz = (buf: Buffer) => gzipSync(buf).length;

function asset(urlPath: string): Asset {
  const file = path.join(distDir, urlPath.replace(/^\//, ''));
  const buf = readFileSync(file);
  return { file: urlPath, bytes: buf.length, gzipBytes: gz(buf) };
}

/** Static imports of a built chunk (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy and skipped. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

/** The JS and CSS the sign-in page loads before any lazy route: index.html's scripts, preloads, styles and their static imports. */
export function initialAssets(): Asset[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g))
    refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g))
    refs.add(m[1]!);
  const queue = [...refs].filter((r) => r.startsWith('/'));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (!ref.endsWith('.js')) continue;
    const code = readFileSync(path.join(distDir, ref.replace(/^\//, '')), 'utf8');
    for (const imp of staticImports(code)) queue.push(path.posix.join(path.posix.dirname(ref), imp));
  }
  return [...seen].filter((r) => existsSync(path.join(distDir, r.replace(/^\//, '')))).map(asset);
}

export function largestChunk(): Asset {
  const assets = readdirSync(path.join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => asset(`/assets/${f}`));
  return assets.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** LCP and total blocking time (long tasks after first contentful paint, minus 50 ms each) at 4× CPU slowdown. */
async function measurePage(
  browser: Browser,
  baseUrl: string,
  pagePath: string,
  signInAs: string | null,
  runs: number,
): Promise<PageLoad> {
  const samples: PageLoad[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    try {
      if (signInAs) {
        const res = await context.request.post(`${baseUrl}/api/auth/sign-in/email`, {
          data: { email: signInAs, password: BENCH_PASSWORD },
          headers: { origin: baseUrl },
        });
        if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
      }
      await context.addInitScript(() => {
        const w = window as unknown as {
          __lcp: number;
          __lcpEl: string;
          __long: { start: number; duration: number }[];
        };
        w.__lcp = 0;
        w.__lcpEl = '';
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
            w.__lcp = e.startTime;
            const el = e.element;
            w.__lcpEl = el
              ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`
              : '';
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const bytes = { js: 0, css: 0 };
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (!url.pathname.startsWith('/assets/')) return;
        const kind = url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : null;
        if (kind) bytes[kind] += asset(url.pathname).gzipBytes;
      });
      await page.goto(`${baseUrl}${pagePath}`, { waitUntil: 'networkidle' });
      if (signInAs && new URL(page.url()).pathname.startsWith('/sign-in'))
        throw new Error('home page redirected to sign-in');
      // "Network idle" can come while the throttled page is still running code between two chunks: wait for
      // a first paint to be reported (an LCP of 0 would read as a pass), then a second for larger ones.
      await page.waitForFunction(() => (window as unknown as { __lcp: number }).__lcp > 0, undefined, {
        timeout: 20_000,
      });
      await page.waitForTimeout(1000);
      const m = await page.evaluate(() => {
        const w = window as unknown as {
          __lcp: number;
          __lcpEl: string;
          __long: { start: number; duration: number }[];
        };
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const tbt = w.__long
          .filter((t) => t.start + t.duration > fcp)
          .reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
        return { lcp: w.__lcp, el: w.__lcpEl, tbt };
      });
      samples.push({
        lcpMs: m.lcp,
        tbtMs: m.tbt,
        lcpElement: m.el,
        jsGzipBytes: bytes.js,
        cssGzipBytes: bytes.css,
        runs: 1,
      });
    } finally {
      await context.close();
    }
  }
  const mid = samples.find((s) => s.lcpMs === median(samples.map((x) => x.lcpMs)))!;
  return { ...mid, tbtMs: median(samples.map((s) => s.tbtMs)), runs };
}

/** Page weight from dist/web, then LCP/TBT of the sign-in page and of a manager's home on the demo organisation. */
export async function measureWeb(opts: { runs: number; log: (l: string) => void }): Promise<WebResult> {
  const bundle = ensureWebBundle(opts.log);
  if (bundle.error) return { available: false, reason: bundle.error };
  let initial: Asset[];
  let largest: Asset;
  try {
    initial = initialAssets();
    largest = largestChunk();
  } catch (e) {
    return { available: false, reason: `cannot read dist/web: ${(e as Error).message}` };
  }
  const js = initial.filter((a) => a.file.endsWith('.js'));
  const signInInitial = {
    jsGzipBytes: js.reduce((s, a) => s + a.gzipBytes, 0),
    jsBytes: js.reduce((s, a) => s + a.bytes, 0),
    cssGzipBytes: initial.filter((a) => a.file.endsWith('.css')).reduce((s, a) => s + a.gzipBytes, 0),
    files: initial,
  };

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-bench-web-'));
  let signInPage: PageLoad | { error: string } = { error: 'not measured' };
  let homePage: PageLoad | { error: string } = { error: 'not measured' };
  try {
    const port = await freePort();
    const env = benchEnv(dataDir, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    const deps = await startServices(loadConfig(env));
    let managerEmail: string;
    try {
      const demo = await runDemo(deps, { log: () => {}, password: BENCH_PASSWORD });
      managerEmail = demo.accounts.manager.email;
    } finally {
      await deps.database.close();
    }
    const server = await startChild(path.join(repoRoot, 'bench/lib/app-server.ts'), env);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const base = `http://127.0.0.1:${port}`;
      signInPage = await measurePage(browser, base, '/sign-in', null, opts.runs).catch((e: Error) => ({
        error: e.message,
      }));
      homePage = await measurePage(browser, base, '/', managerEmail, opts.runs).catch((e: Error) => ({
        error: e.message,
      }));
    } finally {
      await browser.close();
      await server.stop();
    }
  } catch (e) {
    const error = (e as Error).message;
    if (!('lcpMs' in signInPage)) signInPage = { error };
    if (!('lcpMs' in homePage)) homePage = { error };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { available: true, built: bundle.built, signInInitial, largestChunk: largest, signInPage, homePage };
}
