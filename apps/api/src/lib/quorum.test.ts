import { describe, expect, it } from 'vitest';
import { moreThanHalf, quorum, voteResult } from './quorum.js';

const meeting = (fullMembers: number, presentFull: number, over: { probationaryMembers?: number; presentProbationary?: number; writtenOpinions?: number } = {}) =>
  quorum({ fullMembers, presentFull, probationaryMembers: over.probationaryMembers ?? 0, presentProbationary: over.presentProbationary ?? 0, writtenOpinions: over.writtenOpinions });

describe('quorum', () => {
  it('支部工作条例 第十一条: more than half of the members with a vote must be present', () => {
    expect(meeting(25, 14)).toEqual({
      votingMembers: 25, present: 14, presentTotal: 14, required: 13, met: true,
      message: '应到有表决权党员25人,实到14人,超过半数,可以表决',
    });
    expect(meeting(25, 13).met).toBe(true);
    expect(meeting(25, 12)).toMatchObject({ met: false, message: '应到有表决权党员25人,实到12人,未超过半数(至少需13人),不能表决' });
  });

  it('支部工作条例 第十一条: exactly half is not more than half', () => {
    expect(meeting(10, 5)).toMatchObject({ required: 6, met: false });
    expect(meeting(10, 6).met).toBe(true);
    expect(meeting(1, 1).met).toBe(true);
    expect([1, 2, 3, 4, 7, 50].map(moreThanHalf)).toEqual([1, 2, 2, 3, 4, 26]);
  });

  it('党章 第七条: 预备党员 have no vote, so they neither count towards nor against the quorum', () => {
    const r = meeting(10, 5, { probationaryMembers: 4, presentProbationary: 4 });
    expect(r).toMatchObject({ votingMembers: 10, present: 5, presentTotal: 9, required: 6, met: false });
    expect(r.message).toBe('应到有表决权党员10人,实到5人,未超过半数(至少需6人),不能表决(另有预备党员4人到会,没有表决权,不计入)');
    expect(meeting(10, 6, { probationaryMembers: 20 }).required).toBe(6);
  });

  it('发展党员工作细则 第二十一条: written opinions count as votes, not as attendance', () => {
    const r = meeting(10, 5, { writtenOpinions: 3 });
    expect(r).toMatchObject({ required: 6, met: false });
    expect(meeting(10, 6, { writtenOpinions: 4 })).toMatchObject({ required: 6, met: true });
    expect(r.message).toContain('书面意见3份计入票数,不计入到会人数');
    expect(() => meeting(10, 8, { writtenOpinions: 3 })).toThrow('书面意见只能由未到会的正式党员提出,份数不能超过未到会正式党员人数');
  });

  it('a branch with no 正式党员 cannot vote', () => {
    expect(meeting(0, 0, { probationaryMembers: 2, presentProbationary: 2 })).toMatchObject({ met: false, required: 1 });
    expect(meeting(0, 0).message).toBe('本支部没有有表决权的正式党员,不能表决');
  });

  it('rejects impossible counts in Chinese', () => {
    expect(() => meeting(10, 11)).toThrow('到会正式党员人数不能超过正式党员人数');
    expect(() => meeting(10, 5, { probationaryMembers: 1, presentProbationary: 2 })).toThrow('到会预备党员人数不能超过预备党员人数');
    expect(() => meeting(-1, 0)).toThrow('正式党员人数应为不小于0的整数');
    expect(() => meeting(10, 2.5)).toThrow('到会正式党员人数应为不小于0的整数');
  });
});

describe('voteResult', () => {
  it('支部工作条例 第十一条: passes only when yes > half of those who SHOULD attend with a vote', () => {
    expect(voteResult({ votingMembers: 25, yes: 13 })).toEqual({
      required: 13, passed: true, message: '赞成13票,超过应到会有表决权党员25人的半数,通过',
    });
    // 12 of 14 present is a large majority of the room, but not of the 25 who should attend.
    expect(voteResult({ votingMembers: 25, yes: 12 })).toEqual({
      required: 13, passed: false, message: '赞成12票,未超过应到会有表决权党员25人的半数(至少需13票),未通过',
    });
  });

  it('发展党员工作细则 第二十一条: 赞成人数超过应到会有表决权的正式党员的半数 — exactly half fails', () => {
    expect(voteResult({ votingMembers: 10, yes: 5 }).passed).toBe(false);
    expect(voteResult({ votingMembers: 10, yes: 6 }).passed).toBe(true);
    expect(voteResult({ votingMembers: 0, yes: 0 }).passed).toBe(false);
  });

  it('rejects impossible counts in Chinese', () => {
    expect(() => voteResult({ votingMembers: 10, yes: 11 })).toThrow('赞成票数不能超过应到会有表决权党员人数');
    expect(() => voteResult({ votingMembers: 10, yes: -1 })).toThrow('赞成票数应为不小于0的整数');
  });
});
