/**
 * Quorum and result of a vote at a 支部党员大会.
 * 《中国共产党支部工作条例（试行）》第十一条: 表决必须有半数以上有表决权的党员到会方可进行,赞成人数超过应到会
 * 有表决权的党员的半数为通过. 《中国共产党发展党员工作细则》第二十条/第二十一条 say the same for 接收预备党员
 * and add that written opinions of absent voting members, submitted before the meeting, count as votes.
 * 党章 第七条: 预备党员 have no 表决权, so they are never part of either count.
 * "半数以上" is read as "more than half", as in the 细则's "超过…半数"; exactly half is not enough.
 */

export const QUORUM_SOURCE = '《中国共产党支部工作条例（试行）》第十一条;《中国共产党发展党员工作细则》第二十条、第二十一条;党章 第七条';

export interface QuorumInput {
  /** 正式党员 who should attend (应到会有表决权的党员). */
  fullMembers: number;
  probationaryMembers: number;
  presentFull: number;
  presentProbationary: number;
  /** Written opinions handed in before the meeting by absent 正式党员. */
  writtenOpinions?: number;
}

export interface QuorumResult {
  votingMembers: number;
  /** 正式党员 present; 预备党员 present are in `presentTotal` only. */
  present: number;
  presentTotal: number;
  /** Smallest number of voting members present that is more than half. */
  required: number;
  met: boolean;
  message: string;
}

/** Smallest whole number greater than half of n. */
export const moreThanHalf = (n: number): number => Math.floor(n / 2) + 1;

function requireCount(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${label}应为不小于0的整数`);
}

export function quorum(input: QuorumInput): QuorumResult {
  const { fullMembers, probationaryMembers, presentFull, presentProbationary } = input;
  const written = input.writtenOpinions ?? 0;
  requireCount(fullMembers, '正式党员人数');
  requireCount(probationaryMembers, '预备党员人数');
  requireCount(presentFull, '到会正式党员人数');
  requireCount(presentProbationary, '到会预备党员人数');
  requireCount(written, '书面意见份数');
  if (presentFull > fullMembers) throw new Error('到会正式党员人数不能超过正式党员人数');
  if (presentProbationary > probationaryMembers) throw new Error('到会预备党员人数不能超过预备党员人数');
  if (written > fullMembers - presentFull) throw new Error('书面意见只能由未到会的正式党员提出,份数不能超过未到会正式党员人数');

  const required = moreThanHalf(fullMembers);
  // moreThanHalf(0) is 1, so a branch with no 正式党员 can never meet the quorum.
  const met = presentFull >= required;
  const notes: string[] = [];
  if (presentProbationary > 0) notes.push(`另有预备党员${presentProbationary}人到会,没有表决权,不计入`);
  // Written opinions are votes, not attendance: they cannot make up a quorum.
  if (written > 0) notes.push(`书面意见${written}份计入票数,不计入到会人数`);
  const head =
    fullMembers === 0 ? '本支部没有有表决权的正式党员,不能表决'
    : met ? `应到有表决权党员${fullMembers}人,实到${presentFull}人,超过半数,可以表决`
    : `应到有表决权党员${fullMembers}人,实到${presentFull}人,未超过半数(至少需${required}人),不能表决`;
  return {
    votingMembers: fullMembers,
    present: presentFull,
    presentTotal: presentFull + presentProbationary,
    required,
    met,
    message: notes.length ? `${head}(${notes.join(';')})` : head,
  };
}

export interface VoteInput {
  /** 应到会有表决权的党员 — everyone with a vote who should attend, NOT those present. */
  votingMembers: number;
  /** Yes votes, including yes votes in written opinions handed in before the meeting (细则 第二十一条). */
  yes: number;
}

export interface VoteResult { required: number; passed: boolean; message: string }

export function voteResult(input: VoteInput): VoteResult {
  const { votingMembers, yes } = input;
  requireCount(votingMembers, '应到会有表决权党员人数');
  requireCount(yes, '赞成票数');
  if (yes > votingMembers) throw new Error('赞成票数不能超过应到会有表决权党员人数');
  const required = moreThanHalf(votingMembers);
  // The base is everyone who should attend: 13 of 14 present is not enough in a branch of 30.
  const passed = yes >= required;
  const message = passed
    ? `赞成${yes}票,超过应到会有表决权党员${votingMembers}人的半数,通过`
    : `赞成${yes}票,未超过应到会有表决权党员${votingMembers}人的半数(至少需${required}票),未通过`;
  return { required, passed, message };
}
