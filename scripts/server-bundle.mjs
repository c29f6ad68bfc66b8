// How the server is bundled, for the `relais` command (bin/relais.mjs) and the benchmark alike: one ES module
// with its dependencies inside, so a start reads one file instead of resolving and compiling ~400 modules
// (start to healthy 1.5 s → 0.95 s on the 2-core machine). Left outside: native addons, packages that read
// files next to their own code at run time, and the build tools only the first start uses.
export const serverExternals = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg-native',
  '@fastify/swagger-ui',
  'esbuild',
  'vite',
  '@vitejs/plugin-react',
];

/** CommonJS dependencies inside an ES module still find `require`, `__filename` and `__dirname`. */
const banner = [
  "import { createRequire as __relaisRequire } from 'node:module';",
  "import { fileURLToPath as __relaisPath } from 'node:url';",
  "import { dirname as __relaisDir } from 'node:path';",
  'const require = __relaisRequire(import.meta.url);',
  'const __filename = __relaisPath(import.meta.url);',
  'const __dirname = __relaisDir(__filename);',
].join(' ');

/**
 * esbuild escapes every non-ASCII character of the code (its default `charset`), but not of the comments it
 * keeps: a few dashes and accents in comments made V8 hold the whole 7 MB source as a two-byte string
 * (+7 MB of heap, for the life of the process). Each is replaced by as many "?" as it has UTF-16 units, so
 * every line and column of the source map still points where it did.
 */
async function asciiOnly(file) {
  const { readFile, writeFile } = await import('node:fs/promises');
  const source = await readFile(file, 'utf8');
  const ascii = source.replace(/[\u0080-\u{10ffff}]/gu, (c) => '?'.repeat(c.length));
  if (ascii !== source) await writeFile(file, ascii);
}

export async function bundleServer(entry, outfile, { sourcemap = true } = {}) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: serverExternals,
    banner: { js: banner },
    sourcemap: sourcemap ? 'linked' : false,
    logLevel: 'error',
  });
  await asciiOnly(outfile);
  return outfile;
}
