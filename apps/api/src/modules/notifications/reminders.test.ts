import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testCipher, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMemberAccount, createSupervisor, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';
import { todayInShanghai } from '@dj/contracts';
import { runReminders } from './reminders.js';
import { insertOutbox } from './repository.js';
import { drainOutbox, logSmsAdapter, MAX_SMS_ATTEMPTS, type SmsAdapter } from './sms.js';

let ctx: TestContext;
let town: Town;
/** A branch with a 党小组, its secretary (with a phone on record) and supervisor; a neighbour with its own secretary. */
let here: Branch;
let there: Branch;
/** Account ids by role: `here`'s and `there`'s secretaries, the supervisor, the town admin, a member. */
let users: Record<'secretary' | 'neighbour' | 'supervisor' | 'admin' | 'member', number>;
const cipher = testCipher();
const PHONE = '13812345678';
// The 27th of the current month: before the 28th 主题党日 and the month end, so monthly rows are due soon.
const month = todayInShanghai().slice(0, 7);
const today = `${month}-27`;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  [here, there] = [await createBranch(town, { groups: 1 }), await createBranch(town)];
  // A known number for the secretary (a 党员 of the branch), to prove it never appears in plain text anywhere.
  const personId = await personOf(ctx, await createMember(town, here.id, { phone: PHONE }));
  users = {
    secretary: (await createUser(town, 'branch_secretary', [here.id], { personId })).userId,
    neighbour: (await createUser(town, 'branch_secretary', [there.id])).userId,
    supervisor: (await createSupervisor(town, [here.id])).userId,
    admin: town.adminId,
    member: (await createMemberAccount(town, here.id)).userId,
  };
});
afterAll(async () => { await ctx.close(); });

const notificationsOf = async (who: keyof typeof users) => (await ctx.pool.query<{ title: string; body: string; link: string; dedupe_key: string }>(
  'select title, body, link, dedupe_key from notifications where user_id = $1 order by id', [users[who]])).rows;

describe('daily compliance reminders', () => {
  it('reminds the secretary and the supervisor of a branch of rows due soon, and no one else of it', async () => {
    const started = performance.now();
    const counts = await runReminders(ctx.db, cipher, today);
    const ms = Math.round(performance.now() - started);
    console.info(`runReminders over ${counts.branches} branches: ${ms} ms`, counts);
    // Every active 党支部 of every town (the demo town's too: the run is database-wide).
    const { rows: [active] } = await ctx.pool.query(`select count(*)::int as n from organizations where kind = 'branch' and status = 'active'`);
    expect(counts.branches).toBe(active.n);
    expect(counts.tenants).toBeGreaterThanOrEqual(1);
    expect(counts.notifications).toBeGreaterThan(0);

    const mine = await notificationsOf('secretary');
    expect(mine.length).toBeGreaterThan(0);
    const branchId = here.id;
    for (const n of mine) {
      expect(n.body.startsWith(here.name)).toBe(true);
      expect(n.link).toBe(`/compliance?orgId=${branchId}&period=${month}`);
      expect(n.dedupe_key).toMatch(new RegExp(`^compliance:${branchId}:[a-z_.]+:(\\d+|-):.+:(due_soon|late)$`));
    }
    const [y, m] = month.split('-').map(Number);
    const themeDay = mine.find((n) => n.dedupe_key.startsWith(`compliance:${branchId}:theme_day.monthly:-:`));
    expect(themeDay).toMatchObject({ title: '组织生活临近截止', body: `${here.name} ${y}年${m}月 主题党日 截止 ${month.slice(5)}-28,尚未完成` });
    // Per-group rows name the group.
    const groupRows = mine.filter((x) => !x.dedupe_key.includes(':-:'));
    expect(groupRows.length).toBeGreaterThan(0);
    for (const n of groupRows) expect(n.body.startsWith(`${here.name}(第1党小组)`), n.body).toBe(true);

    // The supervisor assigned to the branch gets the same reminders, and only the branch's.
    const supervisor = await notificationsOf('supervisor');
    expect(supervisor.map((n) => n.dedupe_key).sort()).toEqual(mine.map((n) => n.dedupe_key).sort());
    const other = await notificationsOf('neighbour');
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((n) => n.body.startsWith(there.name))).toBe(true);
    // Roles without a duty to a branch get none.
    expect(await notificationsOf('admin')).toEqual([]);
    expect(await notificationsOf('member')).toEqual([]);
  });

  it('is safe to run twice: nothing new', async () => {
    const before = (await ctx.pool.query('select (select count(*) from notifications)::int as n, (select count(*) from outbox)::int as o')).rows[0];
    const counts = await runReminders(ctx.db, cipher, today);
    expect(counts).toMatchObject({ notifications: 0, sms: 0 });
    const after = (await ctx.pool.query('select (select count(*) from notifications)::int as n, (select count(*) from outbox)::int as o')).rows[0];
    expect(after).toEqual(before);
  });

  it('a row that becomes late reminds once more', async () => {
    const nextDay = `${month}-29`;
    const counts = await runReminders(ctx.db, cipher, nextDay);
    expect(counts.notifications).toBeGreaterThan(0);
    const late = (await notificationsOf('secretary')).filter((n) => n.dedupe_key.endsWith(':late'));
    expect(late.map((n) => n.body)).toContain(`${here.name} ${Number(month.slice(0, 4))}年${Number(month.slice(5))}月 主题党日 截止 ${month.slice(5)}-28,已逾期`);
    expect(late.every((n) => n.title === '组织生活已逾期')).toBe(true);
  });

  it('queues one SMS per secretary and day, with the ciphertext and mask copied and no plain number', async () => {
    const { rows } = await ctx.pool.query(`select o.*, u.username from outbox o join users u on u.id = o.user_id order by o.id`);
    const secretaryRows = rows.filter((r) => r.user_id === users.secretary);
    expect(secretaryRows).toHaveLength(2); // the 27th and the 29th
    expect(secretaryRows[0]).toMatchObject({ channel: 'sms', status: 'pending', attempts: 0, recipient_masked: '138****5678', dedupe_key: `sms:reminders:${users.secretary}:${today}` });
    expect(cipher.decrypt(secretaryRows[0].recipient_cipher)).toBe(PHONE);
    expect(secretaryRows[0].body).toMatch(/^【党建平台】您有组织生活提醒:\d+项临近截止。最近一项:/);
    expect(secretaryRows[0].body).toContain(`最近一项:${here.name}`);
    // Only secretaries get SMS, and only those with a phone on record.
    for (const who of ['supervisor', 'neighbour'] as const) expect(rows.map((r) => r.user_id)).not.toContain(users[who]);
    const { rows: phones } = await ctx.pool.query(`select u.username from users u join persons p on p.id = u.person_id
      where exists (select 1 from role_grants g where g.user_id = u.id and g.role = 'branch_secretary') and p.phone_enc is not null`);
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(phones.map((r) => r.username)));
    expect(JSON.stringify(rows).includes(PHONE)).toBe(false);
  });

  it('drainOutbox sends through the adapter and marks rows sent, with an audit entry per attempt', async () => {
    const sent: { to: string; body: string }[] = [];
    const fake: SmsAdapter = { name: 'fake', send: async (to, body) => { sent.push({ to, body }); return { providerRef: `ref-${sent.length}` }; } };
    const pending = (await ctx.pool.query(`select count(*)::int as n from outbox where status = 'pending'`)).rows[0].n;
    const result = await drainOutbox(ctx.db, cipher, fake, 100);
    expect(result).toEqual({ attempted: pending, sent: pending, failed: 0, retrying: 0 });
    expect(sent.map((s) => s.to)).toContain(PHONE);
    const { rows } = await ctx.pool.query(`select status, adapter, provider_ref, sent_at, attempts, last_error from outbox`);
    for (const r of rows) expect(r).toMatchObject({ status: 'sent', adapter: 'fake', attempts: 1, last_error: null, provider_ref: expect.stringMatching(/^ref-/) });
    const { rows: audit } = await ctx.pool.query(`select result, detail from audit_events where action = 'sms.send'`);
    expect(audit).toHaveLength(pending);
    expect(audit.every((a) => a.result === 'ok')).toBe(true);
    // Nothing left to send: a second drain does nothing.
    expect(await drainOutbox(ctx.db, cipher, fake, 100)).toMatchObject({ attempted: 0 });
  });

  it('a failing adapter is retried on later drains, then the row is marked failed; the number is in no error, audit or log', async () => {
    await insertOutbox(ctx.db, {
      tenantId: town.tenantId, channel: 'sms', userId: users.secretary, recipientCipher: cipher.encrypt(PHONE), recipientMasked: '138****5678', body: '测试短信', dedupeKey: 'test:failing',
    });
    const failing: SmsAdapter = { name: 'broken', send: async (to) => { throw new Error(`gateway refused ${to} (+86${to})`); } };
    for (let i = 1; i <= MAX_SMS_ATTEMPTS; i++) {
      const result = await drainOutbox(ctx.db, cipher, failing, 10);
      expect(result).toEqual(i < MAX_SMS_ATTEMPTS ? { attempted: 1, sent: 0, failed: 0, retrying: 1 } : { attempted: 1, sent: 0, failed: 1, retrying: 0 });
    }
    const { rows: [row] } = await ctx.pool.query(`select status, attempts, last_error, adapter from outbox where dedupe_key = 'test:failing'`);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, adapter: 'broken' });
    expect(row.last_error).toContain('gateway refused 138****5678');
    expect(row.last_error).not.toMatch(/\d{7,}/);
    expect(await drainOutbox(ctx.db, cipher, failing, 10)).toMatchObject({ attempted: 0 });
    const { rows: audit } = await ctx.pool.query(`select result, detail from audit_events where action = 'sms.send' and result = 'failed'`);
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.detail.attempt)).toEqual([1, 2, 3]);
    const everything = JSON.stringify((await ctx.pool.query(`select * from audit_events`)).rows) + JSON.stringify((await ctx.pool.query('select * from outbox')).rows);
    expect(everything.includes(PHONE)).toBe(false);
  });

  it('the log adapter writes the masked number only', async () => {
    const lines: string[] = [];
    const adapter = logSmsAdapter({ info: (obj, msg) => lines.push(JSON.stringify({ ...obj, msg })) });
    await insertOutbox(ctx.db, { tenantId: town.tenantId, channel: 'sms', recipientCipher: cipher.encrypt(PHONE), recipientMasked: '138****5678', body: '测试短信', dedupeKey: 'test:log' });
    expect(await drainOutbox(ctx.db, cipher, adapter, 10)).toMatchObject({ sent: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('138****5678');
    expect(lines[0]).not.toContain(PHONE);
    const { rows: [row] } = await ctx.pool.query(`select status, adapter, provider_ref from outbox where dedupe_key = 'test:log'`);
    expect(row).toMatchObject({ status: 'sent', adapter: 'log', provider_ref: expect.stringMatching(/^log-/) });
  });
});
