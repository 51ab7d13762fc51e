import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for 身份证号 and phones (AES-256-GCM) and a keyed hash (HMAC-SHA256) for uniqueness and
 * exact lookup. Both keys are derived from one master key that lives outside the database (config).
 * Ciphertext: "v1:" + base64(iv | tag | data); the version lets a later key rotation re-encrypt lazily.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Same input, same output, without revealing the input: for unique indexes and "find by ID number". */
  lookupHash(plain: string): string;
}

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('ENCRYPTION_KEY 必须是 32 字节(base64 编码后 44 个字符)');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dj field encryption v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dj lookup hash v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}
