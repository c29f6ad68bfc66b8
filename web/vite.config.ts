import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const backend = 'http://localhost:3000';
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
      return `export default ${JSON.stringify(picked)};`;
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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), relaisCatalogues(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
    },
  },
});
