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
    minify: process.env.EXP_MIN === '1',
    minifyWhitespace: process.env.EXP_MIN === 'ws',
    minifySyntax: process.env.EXP_MIN === 'ws',
    logLevel: 'error',
  });
  return outfile;
}
