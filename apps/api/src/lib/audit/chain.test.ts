import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH } from './chain.js';

describe('audit hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }));
  });
  it('each hash depends on the previous one and on every field', () => {
    const e = { at: new Date('2026-11-27T00:00:00Z'), tenantId: 1, userId: 2, username: 'admin', ip: '127.0.0.1', action: 'x', objectType: 'o', objectId: '3', result: 'ok' as const, detail: null };
    const h = chainHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('f'.repeat(64), e)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...e, result: 'failed' })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...e, at: new Date('2026-11-27T00:00:00.001Z') })).not.toBe(h);
  });
  it('with the audit key the hash is an HMAC: it depends on the key and differs from the unkeyed one', () => {
    const e = { at: new Date('2026-11-27T00:00:00Z'), tenantId: 1, userId: 2, username: 'admin', ip: '127.0.0.1', action: 'x', objectType: 'o', objectId: '3', result: 'ok' as const, detail: null };
    const keyed = chainHash(GENESIS_HASH, e, Buffer.alloc(32, 1));
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(chainHash(GENESIS_HASH, e));
    expect(keyed).not.toBe(chainHash(GENESIS_HASH, e, Buffer.alloc(32, 2)));
  });
});
