import { describe, expect, it } from 'vitest';
import { payeesOf, type Holding } from './pay-people.js';

/** Who is paid in a month from the holdings (issue 16 point 4): one payee per village and person. */
const hold = (personId: number, post: Holding['post'], startedOn: string, endedOn: string | null = null, over: Partial<Holding> = {}): Holding =>
  ({ organizationId: 3, personId, name: `干部${personId}`, post, startedOn, endedOn, employed: false, ...over });

describe('payeesOf', () => {
  it('一肩挑: the secretary who also holds the director post is paid once, as the secretary, combined', () => {
    const [p, ...rest] = payeesOf('2026-11', [hold(1, 'secretary', '2021-01-15'), hold(1, 'director', '2021-01-15')]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ post: 'secretary', combined: true, daysInPost: 30, postLabel: '党支部书记(一肩挑)' });
  });

  it('two other posts (交叉任职): paid on the post of the higher tier, once', () => {
    const payees = payeesOf('2026-11', [hold(2, 'committee_member', '2021-01-15'), hold(2, 'deputy_secretary', '2021-01-15')]);
    expect(payees.map((p) => [p.post, p.combined])).toEqual([['deputy_secretary', false]]);
  });

  it('proration: appointed on the 16th, left on the 10th, or away and back: the days in post within the month', () => {
    const payees = payeesOf('2026-11', [
      hold(3, 'committee_member', '2026-11-16'),
      hold(4, 'bookkeeper', '2020-01-01', '2026-11-10'),
      hold(5, 'women_director', '2020-01-01', '2026-11-05'), hold(5, 'women_director', '2026-11-21'),
    ]);
    expect(payees.map((p) => [p.personId, p.daysInPost])).toEqual([[3, 15], [4, 10], [5, 15]]);
  });

  it('聘用制 only on a post the rule covers; a holding outside the month pays nothing; the same person in two villages is two payees', () => {
    const payees = payeesOf('2026-02', [
      hold(6, 'secretary', '2020-01-01', null, { employed: true }),
      hold(7, 'bookkeeper', '2020-01-01', null, { employed: true }),
      hold(8, 'branch_member', '2026-03-01'),
      hold(9, 'committee_member', '2020-01-01'), hold(9, 'committee_member', '2020-01-01', null, { organizationId: 4 }),
    ]);
    expect(payees.map((p) => [p.personId, p.organizationId, p.employed, p.daysInPost])).toEqual([[6, 3, true, 28], [7, 3, false, 28], [9, 3, false, 28], [9, 4, false, 28]]);
  });
});
