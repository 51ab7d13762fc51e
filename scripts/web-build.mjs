import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time under path (0 when it does not exist). */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Is any web or contracts source newer than the last build of apps/web/dist? */
export function webBuildNeeded(root) {
  const dist = join(root, 'apps/web/dist/index.html');
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  const inputs = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'].map((p) => newest(join(root, p)));
  return built < Math.max(...inputs);
}

/** Build apps/web/dist when any web or contracts source is newer than the last build. */
export function ensureWebBuilt(root) {
  if (!webBuildNeeded(root)) return;
  console.log('正在构建网页端…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@dj/web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
