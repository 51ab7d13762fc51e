import { describe, expect, it } from 'vitest';
import {
  addDays, addYears, CreateMemberSchema, CreateRecruitmentSchema, CreateRelationSchema, DuesPaymentSchema, EndRelationSchema, FUTURE_DATE_MESSAGE,
  isAfterToday, PastDateSchema, RecordEventSchema, RecordStepSchema, StopRecruitmentSchema, todayInShanghai,
} from './index.js';

// Issue 13 point 9: a date of something that has happened (入党日期, 转正日期, 出生日期, a 党籍 event) dated after today
// is refused with a message naming why, not accepted. "Today" is Beijing's.
const today = todayInShanghai();
const member = {
  name: '张三', gender: 'male', birthDate: '1980-05-01', idNumber: '110101198005010011', joinedAt: '2010-07-01',
  confirmedAt: '2011-07-01', organizationId: 1,
} as const;

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('13.9 future dates for past events', () => {
  it('13.9 PastDateSchema takes today and earlier and refuses tomorrow with FUTURE_DATE_MESSAGE', () => {
    expect(PastDateSchema.safeParse(today).success).toBe(true);
    expect(PastDateSchema.safeParse('2000-01-01').success).toBe(true);
    const tomorrow = PastDateSchema.safeParse(addDays(today, 1));
    expect(tomorrow.success).toBe(false);
    expect(tomorrow.error?.issues[0]?.message).toBe(FUTURE_DATE_MESSAGE);
  });

  it('13.9 "today" is Beijing time: 23:30 UTC on 31 December is already 1 January in Beijing', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    expect(isAfterToday('2027-01-01', now)).toBe(false);
    expect(isAfterToday('2027-01-02', now)).toBe(true);
  });

  it('13.9 a member with 入党日期, 转正日期 or 出生日期 next year is refused, naming the field', () => {
    expect(CreateMemberSchema.safeParse(member).success).toBe(true);
    const nextYear = addYears(today, 1);
    for (const field of ['joinedAt', 'confirmedAt', 'birthDate'] as const) {
      const result = CreateMemberSchema.safeParse({ ...member, [field]: nextYear });
      expect(messages(result)).toEqual([`${field}: ${FUTURE_DATE_MESSAGE}`]);
    }
  });

  it('13.9 a 党籍 event dated after today is refused', () => {
    const result = RecordEventSchema.safeParse({ kind: 'confirmed', occurredOn: addDays(today, 30) });
    expect(messages(result)).toEqual([`occurredOn: ${FUTURE_DATE_MESSAGE}`]);
  });

  it('13.9 发展党员 steps, 入党申请 received, 培养联系人 periods and 终止 dated after today are refused, naming the field', () => {
    const later = addDays(today, 1);
    const applicant = { name: '李四', gender: 'male', birthDate: '1995-03-02', idNumber: '110101199503020011', organizationId: 1 } as const;
    expect(messages(RecordStepSchema.safeParse({ stepCode: 'activist', occurredOn: later }))).toEqual([`occurredOn: ${FUTURE_DATE_MESSAGE}`]);
    expect(RecordStepSchema.safeParse({ stepCode: 'activist', occurredOn: today }).success).toBe(true);
    expect(messages(CreateRecruitmentSchema.safeParse({ ...applicant, appliedOn: later }))).toEqual([`appliedOn: ${FUTURE_DATE_MESSAGE}`]);
    expect(messages(CreateRelationSchema.safeParse({ kind: 'contact', memberId: 1, since: later }))).toEqual([`since: ${FUTURE_DATE_MESSAGE}`]);
    expect(messages(EndRelationSchema.safeParse({ until: later }))).toEqual([`until: ${FUTURE_DATE_MESSAGE}`]);
    expect(messages(StopRecruitmentSchema.safeParse({ reason: '本人申请', stoppedOn: later }))).toEqual([`stoppedOn: ${FUTURE_DATE_MESSAGE}`]);
  });

  it('13.9 党费 paid on a date after today is refused; months ahead may still be paid today', () => {
    expect(messages(DuesPaymentSchema.safeParse({ months: ['2026-12'], paidOn: addDays(today, 1) }))).toEqual([`paidOn: ${FUTURE_DATE_MESSAGE}`]);
    expect(DuesPaymentSchema.safeParse({ months: ['2027-03'], paidOn: today }).success).toBe(true);
  });
});
