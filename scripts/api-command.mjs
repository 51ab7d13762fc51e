// npm run db:migrate / seed / tenant:create / audit:verify / keys:rotate: run the built command apps/api/dist/<name>.js,
// building the API first when its sources changed. Built, not through tsx: these run on production hosts,
// where development tools need not be installed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureApiBuilt } from './api-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const [name, ...args] = process.argv.slice(2);
await ensureApiBuilt(root);
const run = spawnSync(process.execPath, ['--enable-source-maps', join(root, `apps/api/dist/${name}.js`), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
