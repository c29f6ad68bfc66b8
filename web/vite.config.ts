import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, createServer, defineConfig, type Plugin } from 'vite';
import type { Rollup } from 'vite';
import type * as PrerenderModule from './src/app/prerender.tsx';
import { criticalCss, deferStylesheet } from './src/app/critical-css.ts';
import { homeTemplateFile, serverRenderModule } from '../core/api/prerendered.ts';

const backend = 'http://localhost:3000';
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const i18nDir = fileURLToPath(new URL('./src/i18n/', import.meta.url));

/** Namespaces the signed-out pages need; the rest loads with the signed-in shell. `mail` is server-only. */
const coreNamespaces = ['app', 'ui', 'auth', 'authErrors', 'errors', 'fields'];
const serverOnly = ['mail', 'calendar'];

/**
 * `virtual:relais-i18n/<lang>/<core|app>` is one slice of web/src/i18n/<lang>.json, so the sign-in page
 * downloads only the texts it shows. The catalogues stay two complete files with the same keys.
 */
function relaisCatalogues(): Plugin {
  const prefix = 'virtual:relais-i18n/';
  return {
    name: 'relais-catalogues',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const [lang, part] = id.slice(prefix.length + 1).split('/');
      if ((lang !== 'fr' && lang !== 'en') || (part !== 'core' && part !== 'app')) return null;
      const file = `${i18nDir}${lang}.json`;
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const picked = Object.fromEntries(
        Object.entries(all).filter(([ns]) =>
          part === 'core'
            ? coreNamespaces.includes(ns)
            : !coreNamespaces.includes(ns) && !serverOnly.includes(ns),
        ),
      );
      // JSON.parse of a string: parsed several times faster than the same object written as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(picked))});`;
    },
  };
}

/** Writes .br and .gz next to each built asset: the server sends them as they are, no compression per request. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'relais-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const file of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(file)) continue;
        const content = readFileSync(path.join(assets, file));
        writeFileSync(path.join(assets, `${file}.gz`), gzipSync(content, { level: 9 }));
        writeFileSync(
          path.join(assets, `${file}.br`),
          brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/** A chunk and every chunk it imports statically, by file name (added to `into`). */
function staticGraph(bundle: Rollup.OutputBundle, file: string, into = new Set<string>()): Set<string> {
  const chunk = bundle[file];
  if (into.has(file) || chunk?.type !== 'chunk') return into;
  into.add(file);
  chunk.imports.forEach((f) => staticGraph(bundle, f, into));
  return into;
}

/**
 * src/main.tsx imports the app (src/app/boot.tsx) dynamically, so that a pre-rendered page is painted before the
 * app's code is evaluated; the code is still wanted at once on every page: index.html preloads it, as it
 * preloads the entry's static imports.
 */
function preloadBoot(): Plugin {
  return {
    name: 'relais-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const boot = chunk.dynamicImports
          .map((file) => bundle[file])
          .find((c) => c?.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/boot.tsx'));
        if (boot?.type !== 'chunk')
          throw new Error('relais-preload-boot: main.tsx no longer imports app/boot.tsx');
        const files = staticGraph(bundle, boot.fileName);
        chunk.imports.forEach((f) => files.delete(f));
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** Sources whose chunks the home page needs, with their stylesheets, before it is painted. */
const homeSources = ['/src/app/AppLayout.tsx', '/src/features/home/HomePage.tsx'];

const mantineRestCss = 'src/app/mantine.rest.css';

/** The stylesheet index.html links (src/main.tsx's, with mantine.first-paint.css): its tag and file. */
function entryStylesheet(index: string): { tag: string; file: string } {
  const m = /\n\s*<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/.exec(index);
  if (!m) throw new Error('relais-prerender: index.html has no stylesheet');
  return { tag: m[0], file: m[1]! };
}

/**
 * A page painted before the app's code is loaded has only the entry's stylesheet: every Mantine class it uses
 * (`m_` and eight hex digits) must be styled there, or the page would first show unstyled.
 */
function checkFirstPaintCss(file: string, html: string, css: string): void {
  const missing = [...new Set(html.match(/\bm_[0-9a-f]{8}\b/g) ?? [])].filter((c) => !css.includes(`.${c}`));
  if (missing.length > 0)
    throw new Error(
      `relais-prerender: ${file} uses Mantine classes not in web/src/app/mantine.first-paint.css: ${missing.join(', ')}`,
    );
}

/**
 * After the client build:
 * - the sign-in page rendered by React in Node (src/app/prerender.tsx, loaded through a Vite server without
 *   listening, so the same plugins apply) into copies of the built index.html under prerendered/; the server
 *   sends one for GET /sign-in;
 * - prerendered/home.html, index.html with the stylesheets of the signed-in layout and of the home page, and
 *   ../web-ssr/, the build of src/app/server-render.tsx for Node: the server renders the home page of the person
 *   signed in into that copy. React and Mantine stay out of the server until then.
 */
function prerenderPages(): Plugin {
  let outDir = '';
  let homeCss: string[] = [];
  return {
    name: 'relais-prerender',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      // Mantine's other styles (main.tsx loads them with the app): the home page is painted with all of them.
      const rest = Object.values(bundle).find(
        (a) => a.type === 'asset' && a.originalFileNames.some((n) => n.endsWith(mantineRestCss)),
      );
      if (!rest) throw new Error(`relais-prerender: no stylesheet for ${mantineRestCss}`);
      const files = new Set<string>();
      for (const source of homeSources) {
        const chunk = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(source),
        );
        if (!chunk) throw new Error(`relais-prerender: no chunk for ${source}`);
        staticGraph(bundle, chunk.fileName, files);
      }
      const css = [...files].flatMap((f) => {
        const chunk = bundle[f];
        return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
      });
      homeCss = [...new Set([rest.fileName, ...css])];
    },
    async closeBundle() {
      const index = readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const server = await createServer({
        configFile: false,
        root: webRoot,
        plugins: [react(), relaisCatalogues()],
        logLevel: 'warn',
        appType: 'custom',
        optimizeDeps: { noDiscovery: true, include: [] },
        server: { middlewareMode: true, hmr: false, ws: false, watch: null },
      });
      try {
        const prerender = (await server.ssrLoadModule('/src/app/prerender.tsx')) as typeof PrerenderModule;
        const entry = entryStylesheet(index);
        const firstPaint = readFileSync(path.join(outDir, entry.file), 'utf8');
        for (const page of await prerender.prerenderedSignInPages(index)) {
          checkFirstPaintCss(page.file, page.html, firstPaint);
          // What the page uses of the stylesheet, inline: its first paint waits for no download.
          const critical = criticalCss(firstPaint, page.html);
          checkFirstPaintCss(page.file, critical.html, critical.css);
          const html = deferStylesheet(critical.html, entry.tag, critical.css);
          const file = path.join(outDir, page.file);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, html);
          // Compressed here rather than at every start of the server (~35 ms for the four pages).
          writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
      } finally {
        await server.close();
      }

      const main = entryStylesheet(index).tag;
      const links = homeCss.map((f) => `\n    <link rel="stylesheet" crossorigin href="/${f}">`).join('');
      writeFileSync(path.join(outDir, homeTemplateFile), index.replace(main, main + links));
      const ssrFile = path.resolve(outDir, serverRenderModule);
      await build({
        configFile: false,
        root: webRoot,
        plugins: [react(), relaisCatalogues()],
        logLevel: 'warn',
        // Bundled with what it uses of React, Mantine and the rest: loaded in about a tenth of the time and memory
        // that importing those packages whole would take.
        ssr: { noExternal: true },
        // React's production build, whatever the server's environment says.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          ssr: 'src/app/server-render.tsx',
          outDir: path.dirname(ssrFile),
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: { output: { entryFileNames: path.basename(ssrFile) } },
        },
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), relaisCatalogues(), preloadBoot(), precompress(), prerenderPages()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser Relais supports preloads modules itself: the polyfill would only weigh on the first page.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
    },
  },
});
