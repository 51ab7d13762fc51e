import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { RECOVERY_CODE_COUNT, TOTP_DIGITS } from '@dj/contracts';

/**
 * TOTP (RFC 6238) through otpauth, with the parameters every authenticator app reads from a QR code: SHA-1,
 * 6 digits, 30-second steps. The QR code is drawn here as SVG: the secret never leaves the platform.
 */
export const PERIOD_SECONDS = 30;
const ISSUER = '党建平台';
/** A phone whose clock is up to one step off still signs in (RFC 6238 §5.2 recommends at most one step back). */
const WINDOW = 1;
/** Base32's alphabet in lower case: recovery codes are read off paper, so no 0/1/8/9 to confuse with O/I/B/g. */
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

const totp = (secret: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

/** 160 random bits (RFC 4226 §4 recommends the HMAC-SHA1 length), base32. */
export const newSecret = (): string => new Secret({ size: 20 }).base32;

/** The time step this code belongs to (current one ± WINDOW), or null when it matches none. */
export function stepOfCode(secret: string, code: string, now = Date.now()): number | null {
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : t.counter({ timestamp: now }) + delta;
}

export const otpauthUri = (secret: string, label: string): string => totp(secret, label).toString();

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The key for typing in by hand, in groups of four. */
export const groupedKey = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** 10 codes of 50 random bits each, shown as "xxxxx-xxxxx". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as stored (hashed): case and the dash do not matter when it is typed in. */
export const normalRecoveryCode = (code: string): string => code.trim().toLowerCase().replace('-', '');
export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code.trim());
