import { type Gender, type IdNumberResult, todayInShanghai, validateIdNumber as validate } from '@dj/contracts';

export { idNumberCheckDigit, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone, type Gender, type IdNumberResult } from '@dj/contracts';

/** The shared validator, with today's date in Asia/Shanghai as the latest possible birth date. */
export function validateIdNumber(raw: string, expect?: { birthDate?: string; gender?: Gender }, today: string = todayInShanghai()): IdNumberResult {
  return validate(raw, expect, today);
}
