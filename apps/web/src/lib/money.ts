/**
 * Money is integer 分 everywhere (API, contracts, rules). The browser shows 元 with two decimals and turns
 * typed 元 back into 分 by reading the text digit by digit: no floating-point multiplication, so
 * '3000.01' is exactly 300001 and never 300000.99999….
 */

export type YuanParseResult = { ok: true; fen: number } | { ok: false; message: string };

const YUAN_PATTERN = /^(\d+)(?:\.(\d{0,2}))?$/;

/** Parses a typed amount in 元 ('120', '120.5', '0.20', '3,000.01') into 分, or says what is wrong in Chinese. */
export function parseYuan(input: string): YuanParseResult {
  // Spaces and thousands separators are how people copy amounts from payslips; anything else must be digits.
  const text = input.trim().replace(/[\s,,]/g, '');
  if (text === '') return { ok: false, message: '请填写金额' };
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, message: '金额最多保留两位小数(精确到分)' };
  const match = YUAN_PATTERN.exec(text);
  if (!match) return { ok: false, message: '请输入正确的金额,例如 3000 或 3000.50' };
  const [, whole, decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return { ok: false, message: '金额过大' };
  return { ok: true, fen };
}

/** 元 text → 分, or null when the text is not a valid non-negative amount with at most two decimals. */
export function yuanToFen(input: string): number | null {
  const result = parseYuan(input);
  return result.ok ? result.fen : null;
}

/** 分 → '3000.01' (no symbol, no grouping): the form value when an amount is edited again. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 分 → '¥3,000.01' for display; a missing amount shows a dash. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const [whole, decimals] = fenToYuanText(Math.abs(fen)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${decimals}`;
}

/** antd form rule for an amount typed in 元; `maxFen` caps it where the contract does. */
export function yuanRule(options: { required?: boolean; maxFen?: number; label?: string } = {}) {
  const { required = true, maxFen, label = '金额' } = options;
  return {
    validator: (_rule: unknown, value: unknown) => {
      const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
      if (text.trim() === '') return required ? Promise.reject(new Error(`请填写${label}`)) : Promise.resolve();
      const result = parseYuan(text);
      if (!result.ok) return Promise.reject(new Error(result.message));
      if (maxFen !== undefined && result.fen > maxFen) {
        return Promise.reject(new Error(`${label}不能超过${formatFen(maxFen)}`));
      }
      return Promise.resolve();
    },
  };
}
