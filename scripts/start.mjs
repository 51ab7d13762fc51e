// npm start: build the web app when its sources changed, then run the API, which starts the embedded
// PostgreSQL (unless DATABASE_URL is set), applies migrations and seeds the demo town on first start.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureWebBuilt(root);
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/server.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
