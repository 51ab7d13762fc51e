// npm test: the type check and the linter (eslint.config.js: the module boundaries), then every Vitest project
// (unit, api against real PostgreSQL, web in jsdom, e2e in Chromium; vitest.config.ts), then one closing line "N passed, N failed" read from Vitest's JSON report.
// `npm test -- --project unit` (or several --project) is the quick loop: only those projects, without the type
// check and the linter, and without the web build unless a chosen project serves the built web (api, e2e).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const chosen = args.flatMap((arg, i) => (arg === '--project' ? [args[i + 1]] : arg.startsWith('--project=') ? [arg.slice(10)] : []));
const whole = chosen.length === 0;
if (whole || chosen.some((project) => project === 'api' || project === 'e2e')) ensureWebBuilt(root);

// Type errors fail the run like failing tests do; tsc prints its own messages.
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const typeFailures = (whole ? ['packages/contracts', 'apps/api', 'apps/web', 'e2e'] : [])
  .filter((project) => spawnSync(process.execPath, [tsc, '-p', join(root, project)], { cwd: root, stdio: 'inherit' }).status !== 0);
if (typeFailures.length) console.error(`类型检查失败: ${typeFailures.join(', ')}`);
// A boundary violation fails the run the same way; ESLint prints file, line and rule.
const lintFailed = whole && spawnSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.'], { cwd: root, stdio: 'inherit' }).status !== 0;
if (lintFailed) console.error('代码检查失败: npm run lint');
const report = join(root, '.tmp/vitest-report.json');
mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { cwd: root, stdio: 'inherit' });
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  // A file that fails to load has no failed tests, yet must not count as green.
  failed = json.numFailedTests + (json.numFailedTests === 0 ? json.numFailedTestSuites : 0);
} catch {
  failed = Math.max(failed, 1);
}
failed += typeFailures.length + (lintFailed ? 1 : 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
