/**
 * 四议两公开 as pure rules: the order of the stages, the dates, and the votes of the two meetings.
 * 党员大会审议 thresholds are the town's settings (local rules, e.g. 屯昌县: ≥2/3 present, >1/2 approve;
 * domain-rules §2.5). The resolution follows 《村民委员会组织法》第二十二条 (村民会议) and 第二十六条 (村民代表会议).
 */
import { FOUR_TWO_STAGE_LABELS, FOUR_TWO_STAGES, RESOLUTION_BODY_LABELS, type FourTwoStage, type FourTwoVote } from '@dj/contracts';

export interface FourTwoThresholds { reviewQuorumPercent: number; reviewApprovePercent: number }
export type ResolutionBody = keyof typeof RESOLUTION_BODY_LABELS;
export interface StageFact { stage: FourTwoStage; heldOn: string }

/** A refused input: the field it concerns and a message naming the rule. */
export interface Refusal { path: string; message: string }

/** The stage that comes next, or null after the last one. */
export function nextStage(done: readonly StageFact[]): FourTwoStage | null {
  return FOUR_TWO_STAGES[done.length] ?? null;
}

/** Stages go strictly in order, and none is dated before the one before it (or after today). */
export function checkStageOrder(done: readonly StageFact[], stage: FourTwoStage, heldOn: string, today: string): Refusal | null {
  const expected = nextStage(done);
  if (expected === null) return { path: 'stage', message: '四议两公开各环节已全部完成' };
  if (stage !== expected) {
    return { path: 'stage', message: `应先完成"${FOUR_TWO_STAGE_LABELS[expected]}",不能直接记录"${FOUR_TWO_STAGE_LABELS[stage]}"(提议→商议→审议→决议→决议公开→实施结果公开)` };
  }
  const previous = done[done.length - 1];
  if (previous && heldOn < previous.heldOn) {
    return { path: 'heldOn', message: `"${FOUR_TWO_STAGE_LABELS[stage]}"的日期不能早于上一环节"${FOUR_TWO_STAGE_LABELS[previous.stage]}"(${previous.heldOn})` };
  }
  if (heldOn > today) return { path: 'heldOn', message: '日期不能晚于今天:请在会议召开或公开之后登记' };
  return null;
}

/** The counts themselves must add up, whatever the meeting. */
export function checkVoteCounts(vote: FourTwoVote): Refusal | null {
  if (vote.present > vote.eligible) return { path: 'vote.present', message: `实到人数(${vote.present})不能多于应到人数(${vote.eligible})` };
  if (vote.yes + vote.no + vote.abstain > vote.present) {
    return { path: 'vote.yes', message: `赞成、反对、弃权合计(${vote.yes + vote.no + vote.abstain})不能多于实到人数(${vote.present})` };
  }
  return null;
}

export type VoteOutcome = { ok: false; refusal: Refusal } | { ok: true; passed: boolean; reason: string };

/**
 * 党员大会审议: below the quorum the meeting cannot decide (refused); otherwise passed when the yes votes are
 * MORE than reviewApprovePercent of those present. Integer arithmetic so 2/3 of 9 is exact.
 */
export function judgeReview(vote: FourTwoVote, t: FourTwoThresholds): VoteOutcome {
  const counts = checkVoteCounts(vote);
  if (counts) return { ok: false, refusal: counts };
  if (vote.present * 100 < vote.eligible * t.reviewQuorumPercent) {
    return { ok: false, refusal: { path: 'vote.present', message: `到会不足:党员大会应有${t.reviewQuorumPercent}%以上党员到会(应到${vote.eligible}人,实到${vote.present}人),不能作出审议决定(本镇设置 fourTwo.reviewQuorumPercent)` } };
  }
  const passed = vote.yes * 100 > vote.present * t.reviewApprovePercent;
  return { ok: true, passed, reason: `赞成${vote.yes}票,${passed ? '超过' : '未超过'}到会党员${vote.present}人的${t.reviewApprovePercent}%(本镇设置 fourTwo.reviewApprovePercent)` };
}

/**
 * 决议: 《村民委员会组织法》第二十二条 — a 村民会议 needs more than half of the villagers aged 18+ (or two thirds of
 * the households) present, and its decisions need more than half of those present; 第二十六条 — a 村民代表会议 needs
 * two thirds of its members present, and its decisions more than half of those present. For a 村民会议 counted by
 * households, 2/3 present implies more than half, so the one "more than half" quorum check never refuses a lawful
 * meeting (it does not catch a household count between 1/2 and 2/3: the secretary records which count applied).
 */
export function judgeResolution(body: ResolutionBody, vote: FourTwoVote): VoteOutcome {
  const counts = checkVoteCounts(vote);
  if (counts) return { ok: false, refusal: counts };
  const label = RESOLUTION_BODY_LABELS[body];
  if (body === 'villagers_meeting' && vote.present * 2 <= vote.eligible) {
    return { ok: false, refusal: { path: 'vote.present', message: `到会不足:村民会议应有本村十八周岁以上村民的过半数(或三分之二以上的户的代表)参加(应到${vote.eligible},实到${vote.present})(《村民委员会组织法》第二十二条)` } };
  }
  if (body === 'representatives_meeting' && vote.present * 3 < vote.eligible * 2) {
    return { ok: false, refusal: { path: 'vote.present', message: `到会不足:村民代表会议有三分之二以上的组成人员参加方可召开(应到${vote.eligible},实到${vote.present})(《村民委员会组织法》第二十六条)` } };
  }
  const passed = vote.yes * 2 > vote.present;
  return { ok: true, passed, reason: `${label}赞成${vote.yes}票,${passed ? '超过' : '未超过'}到会${vote.present}人的半数(《村民委员会组织法》${body === 'villagers_meeting' ? '第二十二条' : '第二十六条'})` };
}

/** What a recorded stage does to the procedure: a failed vote ends it as rejected, the last stage as done. */
export function statusAfter(stage: FourTwoStage, passed: boolean | null): 'open' | 'rejected' | 'done' {
  if (passed === false) return 'rejected';
  return stage === 'result_disclosure' ? 'done' : 'open';
}
