import { describe, expect, it } from 'vitest';
import { checkStageOrder, checkVoteCounts, judgeResolution, judgeReview, nextStage, statusAfter } from './four-two.js';

const v = (eligible: number, present: number, yes: number, no = 0, abstain = 0) => ({ eligible, present, yes, no, abstain });
const DEFAULTS = { reviewQuorumPercent: 67, reviewApprovePercent: 50 };

describe('四议两公开 order (提议→商议→审议→决议→决议公开→实施结果公开)', () => {
  it('takes the stages one after another and refuses a skipped one, naming the missing stage', () => {
    expect(nextStage([])).toBe('proposal');
    expect(checkStageOrder([], 'proposal', '2024-03-01', '2024-06-01')).toBeNull();
    const skipped = checkStageOrder([{ stage: 'proposal', heldOn: '2024-03-01' }], 'review', '2024-03-05', '2024-06-01');
    expect(skipped).toMatchObject({ path: 'stage' });
    expect(skipped!.message).toContain('村"两委"会议商议');
  });

  it('refuses a stage dated before the previous one, or after today', () => {
    const done = [{ stage: 'proposal' as const, heldOn: '2024-03-10' }];
    expect(checkStageOrder(done, 'consultation', '2024-03-09', '2024-06-01')).toMatchObject({ path: 'heldOn' });
    expect(checkStageOrder(done, 'consultation', '2024-03-10', '2024-06-01')).toBeNull();
    expect(checkStageOrder(done, 'consultation', '2024-06-02', '2024-06-01')).toMatchObject({ path: 'heldOn' });
  });

  it('after 实施结果公开 nothing follows; a failed vote ends the procedure as rejected', () => {
    const all = (['proposal', 'consultation', 'review', 'resolution', 'resolution_disclosure', 'result_disclosure'] as const).map((stage) => ({ stage, heldOn: '2024-03-01' }));
    expect(nextStage(all)).toBeNull();
    expect(checkStageOrder(all, 'proposal', '2024-03-01', '2024-06-01')).toMatchObject({ path: 'stage' });
    expect(statusAfter('review', false)).toBe('rejected');
    expect(statusAfter('resolution', false)).toBe('rejected');
    expect(statusAfter('review', true)).toBe('open');
    expect(statusAfter('result_disclosure', null)).toBe('done');
  });
});

describe('党员大会审议: thresholds are the town settings fourTwo.reviewQuorumPercent / fourTwo.reviewApprovePercent', () => {
  it('settings (default 67%): 6 of 9 present (66.7%) is refused "到会不足", 7 of 9 may decide', () => {
    const short = judgeReview(v(9, 6, 6), DEFAULTS);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.refusal.message).toMatch(/^到会不足/);
    expect(judgeReview(v(9, 7, 4), DEFAULTS)).toMatchObject({ ok: true, passed: true });
    // With a town's 2/3 written as 66%, 6 of 9 (66.7%) is a quorum.
    expect(judgeReview(v(9, 6, 4), { ...DEFAULTS, reviewQuorumPercent: 66 })).toMatchObject({ ok: true, passed: true });
  });

  it('settings: passed only with MORE than reviewApprovePercent of those present (exactly half fails)', () => {
    expect(judgeReview(v(10, 10, 5, 5), DEFAULTS)).toMatchObject({ ok: true, passed: false });
    expect(judgeReview(v(10, 10, 6, 4), DEFAULTS)).toMatchObject({ ok: true, passed: true });
    expect(judgeReview(v(10, 10, 6, 4), { ...DEFAULTS, reviewApprovePercent: 60 })).toMatchObject({ ok: true, passed: false });
  });

  it('votes must add up: present ≤ eligible, yes + no + abstain ≤ present', () => {
    expect(checkVoteCounts(v(5, 6, 3))).toMatchObject({ path: 'vote.present' });
    expect(checkVoteCounts(v(10, 8, 5, 3, 1))).toMatchObject({ path: 'vote.yes' });
    expect(checkVoteCounts(v(10, 8, 5, 2, 1))).toBeNull();
  });
});

describe('决议: 村民委员会组织法第二十二条 (村民会议) and 第二十六条 (村民代表会议)', () => {
  it('村民委员会组织法第二十二条: 村民会议所作决定应当经到会人员的过半数通过', () => {
    expect(judgeResolution('villagers_meeting', v(400, 300, 151))).toMatchObject({ ok: true, passed: true });
    expect(judgeResolution('villagers_meeting', v(400, 300, 150))).toMatchObject({ ok: true, passed: false });
  });

  it('村民委员会组织法第二十二条: a 村民会议 needs more than half of the 18+ villagers present', () => {
    const r = judgeResolution('villagers_meeting', v(400, 200, 200));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message).toContain('第二十二条');
    expect(judgeResolution('villagers_meeting', v(400, 201, 200))).toMatchObject({ ok: true, passed: true });
  });

  it('村民委员会组织法第二十六条: 村民代表会议 needs two thirds of its members present, decides by more than half of those present', () => {
    const r = judgeResolution('representatives_meeting', v(30, 19, 19));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message).toContain('第二十六条');
    expect(judgeResolution('representatives_meeting', v(30, 20, 11))).toMatchObject({ ok: true, passed: true });
    expect(judgeResolution('representatives_meeting', v(30, 20, 10))).toMatchObject({ ok: true, passed: false });
  });
});
