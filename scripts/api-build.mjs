// The API compiled to plain JavaScript in apps/api/dist, so npm start and the operator commands run `node`
// on it instead of compiling TypeScript at every start. esbuild bundles our own code, the
// TypeScript source of @dj/contracts included; every other package stays an import from node_modules.
// Run directly (`node scripts/api-build.mjs [--outdir DIR]`) or through ensureApiBuilt from npm start.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { newest } from './web-build.mjs';

/** Output name → source. All land directly in dist/, so apps/api/src/paths.ts finds apps/api from any of them. */
const ENTRIES = {
  server: 'apps/api/src/server.ts',
  migrate: 'apps/api/src/cli/migrate.ts',
  seed: 'apps/api/src/cli/seed.ts',
  'create-tenant': 'apps/api/src/cli/create-tenant.ts',
  'audit-verify': 'apps/api/src/cli/audit-verify.ts',
  'keys-rotate': 'apps/api/src/cli/keys-rotate.ts',
  // The document thread's entry (lib/documents/document-thread.ts starts it from the bundle beside it).
  'document-thread-worker': 'apps/api/src/lib/documents/document-thread-worker.ts',
};
const INPUTS = ['apps/api/src', 'apps/api/package.json', 'packages/contracts/src', 'scripts/api-build.mjs'];

/** Bare imports stay imports (node_modules is there at run time), except our own TypeScript workspace packages. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'entry-point' || args.path.startsWith('@dj/') ? undefined : { path: args.path, external: true });
  },
};

/** Bundle every entry into outdir (shared code in chunks beside them) with source maps for `--enable-source-maps`. */
export async function buildApi(root, outdir) {
  // Imported here, not at the top: a prebuilt dist starts without esbuild installed (npm ci --omit=dev).
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, join(root, source)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Stack traces need only the mappings; the sources are in the repository.
    sourcesContent: false,
    plugins: [externalPackages],
    logLevel: 'warning',
  });
}

/** Build apps/api/dist when any API or contracts source is newer than the last build (like ensureWebBuilt). */
export async function ensureApiBuilt(root) {
  const marker = join(root, 'apps/api/dist/server.js');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built >= Math.max(...INPUTS.map((p) => newest(join(root, p))))) return;
  console.log('正在构建服务端…');
  await rebuildApi(root);
}

/** Built beside dist and swapped in whole: a failed build leaves the previous one, and no stale chunk survives. */
async function rebuildApi(root) {
  const dist = join(root, 'apps/api/dist');
  const next = join(root, `apps/api/dist.next-${process.pid}`);
  try {
    await buildApi(root, next);
    rmSync(dist, { recursive: true, force: true });
    renameSync(next, dist);
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  if (values.outdir) await buildApi(root, resolve(values.outdir));
  else await rebuildApi(root);
}
