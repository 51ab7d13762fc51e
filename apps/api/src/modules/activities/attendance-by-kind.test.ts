import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { pdfText } from '../../../test/documents.js';
import { createActivity, createBranch, createMember, createMembers, createTown, createUser, type Branch } from '../../../test/factories.js';

/**
 * Issue 13 point 2: who is expected depends on the kind of meeting. A 支委会 expects the branch committee, a 党小组会
 * its group, a 谈心谈话 the people who talked; only 支部党员大会, 主题党日 and 党课 expect the whole branch. A meeting
 * whose attendance was never saved prints 未登记出勤, never the whole branch as absent.
 */
let ctx: TestContext;
let secretary: Session;
let branch: Branch;
const committee: number[] = [];
let groupMembers: number[] = [];
let others: number[] = [];
const lastMonth = monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);
const SEATS = [['secretary'], ['deputy_secretary'], ['organization_officer'], ['publicity_officer'], ['discipline_officer', 'group_leader']];

const present = (ids: number[]) => ids.map((memberId) => ({ memberId, state: 'present' }));
async function meeting(body: Record<string, unknown>, attendance?: number[]) {
  const a = await createActivity(secretary, branch.id, body);
  if (attendance) {
    const res = await secretary.request('PUT', `/api/activities/${a.id}/attendance`, { records: present(attendance) });
    expect(res.statusCode, res.body).toBe(200);
  }
  return (await secretary.get(`/api/activities/${a.id}`)).json() as { id: number; expected: { memberId: number }[] };
}

/** The ledger's text from the heading of the activity with this topic to the next one. */
function section(text: string, topic: string, nextTopic?: string) {
  const from = text.lastIndexOf(topic);
  return text.slice(from, nextTopic ? text.lastIndexOf(nextTopic) : undefined);
}

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx);
  branch = await createBranch(town, { groups: 1 });
  for (const partyPosts of SEATS) committee.push(await createMember(town, branch.id, { partyPosts }));
  groupMembers = await createMembers(town, branch.id, { full: 3 }, { groupId: branch.groupIds[0] });
  // A 党小组组长 alone does not sit on the committee.
  others = [...await createMembers(town, branch.id, { full: 6 }), await createMember(town, branch.id, { partyPosts: ['group_leader'] })];
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
});
afterAll(async () => { await ctx.close(); });

describe('13.2 expected attendance by meeting kind', () => {
  it('13.2 a 支委会 expects the committee, a 党小组会 its group, a 谈心谈话 no one but its participants, a 党员大会 everyone', async () => {
    const expectedOf = async (body: Record<string, unknown>) => (await meeting(body)).expected.map((e) => e.memberId).sort();
    expect(await expectedOf({ kind: 'committee_meeting', topic: '支委会甲' })).toEqual([...committee].sort());
    expect(await expectedOf({ kind: 'group_meeting', groupId: branch.groupIds[0], topic: '小组会甲' })).toEqual([...groupMembers].sort());
    expect(await expectedOf({ kind: 'general_meeting', topic: '党员大会甲' })).toHaveLength(committee.length + groupMembers.length + others.length);
    const talk = await meeting({ kind: 'heart_talk', topic: '谈心甲' }, [committee[0], others[0]]);
    expect(talk.expected, 'a talk names its participants; nobody else is expected').toEqual([]);
  });

  it('13.2 the month ledger prints a 支委会 as 5/5, a 谈心谈话 with its 2 participants, unsaved attendance as 未登记出勤', async () => {
    const total = committee.length + groupMembers.length + others.length;
    await meeting({ kind: 'committee_meeting', heldOn: `${lastMonth}-03`, topic: '研究发展党员工作支委会' }, committee);
    await meeting({ kind: 'heart_talk', heldOn: `${lastMonth}-04`, topic: '书记与党员谈心谈话' }, [committee[0], others[0]]);
    await meeting({ kind: 'general_meeting', heldOn: `${lastMonth}-05`, topic: '尚未登记出勤的党员大会' });

    const text = pdfText(await secretary.get(`/api/ledger?orgId=${branch.id}&period=${lastMonth}&format=pdf`));
    expect(text, 'the summary row (the topic wraps in its cell)').toContain('研究发展党员工作支委5/5');
    expect(text).not.toContain(`${total}/5`);
    const talk = section(text, '书记与党员谈心谈话', '尚未登记出勤的党员大会');
    expect(talk).toContain('应到2人，实到2人，请假0人，缺席0人');
    expect(talk).toContain('缺席人员无');
    expect(talk, 'nobody who did not talk is listed').not.toMatch(/缺席(?!人员无|0人)/);
    const unsaved = section(text, '尚未登记出勤的党员大会', '支委会甲');
    expect(unsaved).toContain(`应到${total}人，未登记出勤`);
    expect(unsaved, 'nobody is printed absent').not.toMatch(/缺席(?!人员未登记出勤)/);
    expect(text, 'the summary row').toContain(`${total}/未登记00`);

    const docx = await secretary.get(`/api/ledger?orgId=${branch.id}&period=${lastMonth}&format=docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(words).toContain('应到 5 人，实到 5 人，请假 0 人，缺席 0 人');
    expect(words).toContain('应到 2 人，实到 2 人，请假 0 人，缺席 0 人');
    expect(words).toContain(`应到 ${total} 人，未登记出勤`);
    expect(words).not.toContain(`应到 ${total} 人，实到 0 人`);
  });

  it('13.2 a plan whose day passed with nothing recorded is not printed as held; one taken up is', async () => {
    const planned = async (topic: string, heldOn: string) => {
      const a = await meeting({ kind: 'general_meeting', heldOn, topic });
      // Saved as a plan five days before its day: the clock is the only thing a test cannot drive through the API.
      await ctx.pool.query(`update activities set created_at = $2::date - 5, updated_at = $2::date - 5 where id = $1`, [a.id, heldOn]);
      return a;
    };
    await planned('到期未登记的党员大会计划', `${lastMonth}-25`);
    const taken = await planned('按计划召开并登记出勤的党员大会', `${lastMonth}-26`);
    expect((await secretary.request('PUT', `/api/activities/${taken.id}/attendance`, { records: present(committee) })).statusCode).toBe(200);

    const text = pdfText(await secretary.get(`/api/ledger?orgId=${branch.id}&period=${lastMonth}&format=pdf`));
    expect(text).toContain('按计划召开并登记出勤的党员大会');
    const before = text.slice(0, text.indexOf('组织生活一览'));
    expect(before, 'named under the count').toContain('另有1项活动计划到期后未登记开展情况，未列入本台账');
    expect(before).toContain('到期未登记的党员大会计划');
    expect(text.split('到期未登记的党员大会计划'), 'named once, never as a record').toHaveLength(2);
    const all = (await secretary.get(`/api/activities?orgId=${branch.id}&from=${lastMonth}-01&to=${lastMonth}-28`)).json().items as unknown[];
    expect(before, 'the count leaves the lapsed plan out').toContain(`共${all.length - 1}次组织生活`);
  });
  it('13.2 the compliance calendar does not count a lapsed plan as held either; taken up, it counts', async () => {
    const heldOn = `${lastMonth}-12`;
    const plan = await meeting({ kind: 'theme_day', heldOn, topic: '到期未登记的主题党日计划' });
    await ctx.pool.query(`update activities set created_at = $2::date - 5, updated_at = $2::date - 5 where id = $1`, [plan.id, heldOn]);
    const themeDay = async () => {
      const { branches } = (await secretary.get(`/api/compliance?orgId=${branch.id}&period=${lastMonth}`)).json() as { branches: { organizationId: number; rows: { ruleKey: string; done: number; status: string }[] }[] };
      return branches.find((b) => b.organizationId === branch.id)!.rows.find((r) => r.ruleKey === 'theme_day.monthly')!;
    };
    expect(await themeDay(), 'a plan nobody took up is not a meeting held').toMatchObject({ done: 0, status: 'late' });
    expect((await secretary.request('PUT', `/api/activities/${plan.id}/attendance`, { records: present(committee) })).statusCode).toBe(200);
    expect(await themeDay()).toMatchObject({ done: 1, status: 'done' });
  });
});
