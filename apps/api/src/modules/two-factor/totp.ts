import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
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

/**
 * Recovery codes are hashed with argon2id, not with the field key's lookup hash: they cannot be re-hashed when the key
 * is rotated (only their hash is kept), so their hash must not depend on a key. 50 random bits need less memory than
 * a password (OWASP's 7 MiB, t = 5 is the same strength as 19 MiB, t = 2; the lighter m keeps ten of them fast).
 */
const RECOVERY_ARGON2 = { algorithm: 2, memoryCost: 7_168, timeCost: 5, parallelism: 1 } as const;
export const hashRecoveryCode = (code: string): Promise<string> => hash(normalRecoveryCode(code), RECOVERY_ARGON2);

/**
 * Does the typed code match this stored hash? Codes issued before argon2 hold the field key's lookup hash, so they
 * match under any known key (`lookupHashes`: current and retired) until they are spent or replaced.
 */
export async function recoveryCodeMatches(stored: string, code: string, lookupHashes: (plain: string) => string[]): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, normalRecoveryCode(code)).catch(() => false);
  return lookupHashes(normalRecoveryCode(code)).includes(stored);
}
export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code.trim());
