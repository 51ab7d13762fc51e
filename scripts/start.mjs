// npm start: build the web app and the API when their sources changed, then run the built API, which starts
// the embedded PostgreSQL (unless DATABASE_URL is set), applies migrations and seeds the demo town on first start.
// npm run dev (--dev): the API's TypeScript source through tsx instead, without building it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureApiBuilt } from './api-build.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureWebBuilt(root);
if (process.argv.includes('--dev')) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/server.ts')], { cwd: root, stdio: 'inherit' });
  // npm runs this script with exec, so a signal to `npm run dev`'s process reaches this one: pass it on to the API,
  // which stops PostgreSQL in order (apps/api/src/server.ts), and leave when it has.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await ensureApiBuilt(root);
  // In this process rather than a second node: one start-up fewer. Same as `node --enable-source-maps dist/server.js`.
  // SIGINT/SIGTERM are handled by the server itself (apps/api/src/server.ts); npm start execs node, so they arrive here.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(root, 'apps/api/dist/server.js')).href);
}
