/**
 * 身份证号 and phone checks in the browser: the same code as the server's (from @dj/contracts), so the form
 * answers before a round trip; the server still decides.
 */
import { type Gender, type IdNumberResult, todayInShanghai, validateIdNumber as validate } from '@dj/contracts';

export {
  idNumberCheckDigit, normalizeIdNumber, normalizePhone, readIdNumber, ID_NUMBER_CHECK_MESSAGE, ID_NUMBER_DATE_MESSAGE,
  ID_NUMBER_FORMAT_MESSAGE, PHONE_MESSAGE, type Gender, type IdNumberResult,
} from '@dj/contracts';

export function validateIdNumber(raw: string, expect?: { birthDate?: string | null; gender?: Gender | null }, today: string = todayInShanghai()): IdNumberResult {
  return validate(raw, expect, today);
}
