import { todayInShanghai } from '@dj/contracts';
import { invalid } from '../../lib/errors.js';
import { scanFields, scanMessage } from '../disclosure/index.js';

export interface ScannedField { key: string; where: string; text: string }

/**
 * The 三务公开 personal-number scan (保密审查) before anything reaches the town's public site: a 身份证号 or 手机号 refuses
 * publishing with every place named in Chinese (标题, 正文第3行 …), the first field as the error's path for the form.
 */
export function refuseNumbers(fields: readonly ScannedField[], today = todayInShanghai()): void {
  const scan = scanFields(fields, today);
  if (scan.ok) return;
  const first = fields.find((f) => scan.findings[0].where.startsWith(f.where));
  throw invalid(first?.key ?? fields[0].key, scanMessage(scan));
}
