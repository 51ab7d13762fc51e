import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testCipher, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMemberAccount, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';
import { todayInShanghai } from '@dj/contracts';
import { runReminders } from './reminders.js';

let ctx: TestContext;
let town: Town;
/** Two branches, each with its secretary; the first secretary has a phone, so the reminder run queues an SMS. */
let here: Branch;
let secretary: Session;
let neighbour: Session;
const cipher = testCipher();

interface Item { id: number; title: string; body: string; link: string | null; readAt: string | null; createdAt: string }

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  here = await createBranch(town);
  const there = await createBranch(town);
  const personId = await personOf(ctx, await createMember(town, here.id, { phone: '13812345678' }));
  secretary = (await createUser(town, 'branch_secretary', [here.id], { personId })).session;
  neighbour = (await createUser(town, 'branch_secretary', [there.id])).session;
  await runReminders(ctx.db, cipher, `${todayInShanghai().slice(0, 7)}-27`);
});
afterAll(async () => { await ctx.close(); });

describe('/api/notifications', () => {
  it("lists the caller's own notifications, newest first, with the unread count", async () => {
    const res = await secretary.get('/api/notifications');
    expect(res.statusCode, res.body).toBe(200);
    const { items, unread } = res.json() as { items: Item[]; unread: number };
    expect(items.length).toBeGreaterThan(0);
    expect(unread).toBe(items.length);
    expect(items.every((n) => n.body.startsWith(here.name) && n.readAt === null)).toBe(true);
    const order = items.map((n) => [n.createdAt, n.id] as const);
    expect([...order].sort((a, b) => (b[0].localeCompare(a[0]) || b[1] - a[1]))).toEqual(order);
    const admin = (await town.admin.get('/api/notifications')).json();
    expect(admin).toEqual({ items: [], unread: 0 });
  });

  it('marks one read, then all; another user\'s id answers exactly like a nonexistent one', async () => {
    const { items } = (await secretary.get('/api/notifications')).json() as { items: Item[] };
    const [first] = items;
    const othersUnread = (await neighbour.get('/api/notifications')).json().unread;
    const foreign = await neighbour.post(`/api/notifications/${first.id}/read`);
    const absent = await neighbour.post('/api/notifications/99999999/read');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(absent.body);
    expect(foreign.body).not.toContain(here.name);

    const read = await secretary.post(`/api/notifications/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: first.id, readAt: expect.any(String) });
    // Reading twice keeps the first time.
    expect((await secretary.post(`/api/notifications/${first.id}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await secretary.get('/api/notifications')).json().unread).toBe(items.length - 1);

    const all = await secretary.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: items.length - 1 });
    expect((await secretary.get('/api/notifications')).json().unread).toBe(0);
    // neighbour's own stay unread.
    expect((await neighbour.get('/api/notifications')).json().unread).toBe(othersUnread);
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await secretary.request('POST', '/api/notifications/read-all', {}, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
  });
});

describe('/api/outbox', () => {
  it('is the town admin\'s send log: masked recipients, never the ciphertext', async () => {
    const admin = town.admin;
    const res = await admin.get('/api/outbox');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: Record<string, unknown>[] };
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i).toMatchObject({ channel: 'sms', status: 'pending', attempts: 0, recipientMasked: expect.stringMatching(/\*{4}/) });
      expect(i).not.toHaveProperty('recipientCipher');
    }
    expect(res.body).not.toContain('v1:');
    expect((await admin.get('/api/outbox?status=sent')).json().items).toEqual([]);
  });

  it('answers 403 to every other role', async () => {
    const others: [string, Session][] = [
      ['branch_secretary', secretary],
      ['supervisor', (await createUser(town, 'supervisor', [here.id])).session],
      ['inspector', (await createUser(town, 'inspector', [town.committeeId])).session],
      ['member', (await createMemberAccount(town, here.id)).session],
    ];
    for (const [role, session] of others) {
      const res = await session.get('/api/outbox');
      expect(res.statusCode, role).toBe(403);
    }
  });
});
