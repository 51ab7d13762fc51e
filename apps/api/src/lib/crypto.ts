import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for 身份证号 and phones (AES-256-GCM) and a keyed hash (HMAC-SHA256) for uniqueness and
 * exact lookup. Both keys are derived from one master key that lives outside the database (config).
 * Ciphertext: "v2:<key id>:" + base64(iv | tag | data), the key id naming the master key that sealed it, so a
 * key rotation (npm run keys:rotate) knows which values it has still to re-encrypt. "v1:" values (before key
 * ids) carry no id: whichever known key opens them (GCM's tag says which) sealed them.
 */
export interface FieldCipher {
  /** The current master key's id: new values are sealed under it. */
  readonly keyId: string;
  encrypt(plain: string): string;
  /** Opens values sealed under the current key or a retired one still configured during a rotation. */
  decrypt(sealed: string): string;
  /** Same input, same output, without revealing the input: for unique indexes and "find by ID number". */
  lookupHash(plain: string): string;
  /** The lookup hashes under every known key, current first: a search still finds rows a rotation has not reached. */
  lookupHashes(plain: string): string[];
  /** Whether a value is sealed under the current key (so a rotation leaves it alone). */
  isCurrent(sealed: string): boolean;
}

interface KeyMaterial { id: string; encKey: Buffer; macKey: Buffer }

/** A short public name of a master key (an HMAC of a constant, revealing nothing of the key). */
export function keyIdOf(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('dj key id').digest('hex').slice(0, 12);
}

function derive(masterKey: Buffer): KeyMaterial {
  if (masterKey.length !== 32) throw new Error('ENCRYPTION_KEY 必须是 32 字节(base64 编码后 44 个字符)');
  return {
    id: keyIdOf(masterKey),
    encKey: Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dj field encryption v1', 32)),
    macKey: Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dj lookup hash v1', 32)),
  };
}

function open(key: KeyMaterial, raw: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key.encKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** `retired`: keys replaced by a rotation, kept only to open what they sealed until it has finished. */
export function createFieldCipher(masterKey: Buffer, retired: Buffer[] = []): FieldCipher {
  const current = derive(masterKey);
  const known = [current, ...retired.map(derive).filter((k) => k.id !== current.id)];
  const byId = new Map(known.map((k) => [k.id, k]));
  const hmac = (key: KeyMaterial, plain: string) => createHmac('sha256', key.macKey).update(plain).digest('base64url');
  return {
    keyId: current.id,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v2:${current.id}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (sealed.startsWith('v2:')) {
        const [, id, body] = sealed.split(':');
        const key = byId.get(id);
        if (!key) throw new Error(`no configured key opens this value (key id ${id})`);
        return open(key, Buffer.from(body, 'base64'));
      }
      if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      for (const key of known) {
        try { return open(key, raw); } catch { /* another key's value: GCM's tag did not match */ }
      }
      throw new Error('no configured key opens this value (v1)');
    },
    lookupHash: (plain) => hmac(current, plain),
    lookupHashes: (plain) => known.map((k) => hmac(k, plain)),
    isCurrent: (sealed) => sealed.startsWith(`v2:${current.id}:`),
  };
}
