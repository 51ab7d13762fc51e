import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createFieldCipher } from '../../lib/crypto.js';
import { rotateFieldKeys } from '../../lib/keys/rotate.js';
import { createTestContext, TEST_ENCRYPTION_KEY, testConfig, type TestContext } from '../../../test/context.js';
import { createTown, createUser, enrolSecondFactor, pendingSignIn, totpCode } from '../../../test/factories.js';

/**
 * A key rotation (issue 12 point 7) must not lock out the users of a second factor (point 3): their TOTP secrets are
 * re-encrypted with the personal numbers, and their recovery codes, of which only a hash is kept, still match once the
 * old key has been put away.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });

describe('issue 12 points 3 and 7: the second factor survives a key rotation', () => {
  it('after keys:rotate and with the new key alone, the phone code and a recovery code both still sign in', async () => {
    const town = await createTown(ctx);
    const account = await createUser(town, 'town_admin', [town.committeeId]);
    const { secret, recoveryCodes } = await enrolSecondFactor(account.session);

    const newKey = randomBytes(32);
    const rotated = await rotateFieldKeys(ctx.db, createFieldCipher(newKey, [Buffer.from(TEST_ENCRYPTION_KEY, 'base64')]));
    expect(rotated.secondFactors).toBeGreaterThanOrEqual(1);
    const fresh = createFieldCipher(newKey);
    const { rows } = await ctx.pool.query<{ secret_enc: string }>('select secret_enc from user_second_factors where user_id = $1', [account.userId]);
    expect(rows[0].secret_enc.startsWith(`v2:${fresh.keyId}:`)).toBe(true);

    // The platform restarted with the new key only (the old one removed from the configuration).
    const app = await buildApp({ config: testConfig(), db: ctx.appDb, cipher: fresh, logger: false });
    try {
      const onNewKey = { ...ctx, app };
      const byPhone = await (await pendingSignIn(onNewKey, account.username)).post('/verify', { code: totpCode(secret, 1) });
      expect(byPhone.statusCode, byPhone.body).toBe(200);
      const byRecovery = await (await pendingSignIn(onNewKey, account.username)).post('/verify', { code: recoveryCodes[3] });
      expect(byRecovery.statusCode, byRecovery.body).toBe(200);
    } finally {
      await app.close();
    }
  });
});
