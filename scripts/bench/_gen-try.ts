import { ensureScale } from './scale.js';
const g = await ensureScale((process.argv[2] ?? 'town') as 'town', console.log);
console.log(JSON.stringify(g));
