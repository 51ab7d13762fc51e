// The generator's own process (node scripts/bench/generate.ts <scale>): its memory (a million members' plans)
// never counts in the RSS the bench measures. Progress goes to stderr, the result as one JSON line to stdout.
import { ensureScale } from './scale.js';
import { SCALES, type Scale } from './scale-plan.js';

const scale = process.argv[2] as Scale;
if (!SCALES.includes(scale)) throw new Error(`--scale ${SCALES.join('|')}`);
const result = await ensureScale(scale, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${JSON.stringify(result)}\n`);
