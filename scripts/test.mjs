// npm test: the type checks, the linter (eslint.config.js: the module boundaries) and the web build first, side by
// side in one lane per core (they are independent and mostly single-threaded: about 63 s of CPU one after another),
// then every Vitest project (unit, api against real PostgreSQL, web in jsdom, e2e in Chromium; vitest.config.ts),
// then one closing line "N passed, N failed" read from Vitest's JSON report.
// `npm test -- --project unit` (or several --project) is the quick loop: only those projects, without the type
// check and the linter, and without the web build unless a chosen project serves the built web (api, e2e).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { webBuildNeeded } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const chosen = args.flatMap((arg, i) => (arg === '--project' ? [args[i + 1]] : arg.startsWith('--project=') ? [arg.slice(10)] : []));
const whole = chosen.length === 0;
const needsWeb = whole || chosen.some((project) => project === 'api' || project === 'e2e');

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const eslint = join(root, 'node_modules/eslint/bin/eslint.js');
/** Each check: what failed reads as, and its command. Largest first (measured CPU: api 19 s, web 15, e2e 14, eslint 10, contracts 5). */
const checks = [
  ...(needsWeb && webBuildNeeded(root) ? [{ failure: '网页端构建失败', command: ['npm', 'run', 'build', '-w', '@dj/web'], quietStdout: true }] : []),
  ...(whole ? [
    ...['apps/api', 'apps/web', 'e2e'].map((project) => ({ failure: `类型检查失败: ${project}`, command: [process.execPath, tsc, '-p', join(root, project)] })),
    { failure: '代码检查失败: npm run lint', command: [process.execPath, eslint, '.'] },
    { failure: '类型检查失败: packages/contracts', command: [process.execPath, tsc, '-p', join(root, 'packages/contracts')] },
  ] : []),
];

/** Runs one check with its output kept, and prints the output in one piece when it ends (lanes do not interleave). */
function runCheck({ failure, command, quietStdout = false }) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    // Vite lists every chunk it writes; its errors come on stderr.
    if (!quietStdout) child.stdout.on('data', (chunk) => output.push(chunk));
    else child.stdout.resume();
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      if (output.length) process.stdout.write(Buffer.concat(output));
      resolve(code === 0 ? null : failure);
    });
  });
}

async function runChecks() {
  const queue = [...checks];
  const failures = [];
  const lane = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const failure = await runCheck(check);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, lane));
  for (const failure of failures) console.error(failure);
  return failures;
}

const checkFailures = await runChecks();
// The web build is what api and e2e serve: without it those projects cannot run, so a failed build stops here.
if (checkFailures.includes('网页端构建失败')) {
  console.log(`\n0 passed, ${checkFailures.length} failed`);
  process.exit(1);
}
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
failed += checkFailures.length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
