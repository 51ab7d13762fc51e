import type { PersonHours, Training } from '@dj/contracts';

/** A branch study of 王庄村党支部 (org 3 of the org fixtures) with two attendees and a file. */
export function training(partial: Partial<Training> = {}): Training {
  return {
    id: 21, organizationId: 3, organizationName: '王庄村党支部', kind: 'branch_study', title: '学习党章', startsOn: '2026-03-28', endsOn: '2026-03-28',
    hours: 3, venue: '村党群服务中心', lecturers: '王书记', activityId: null, attendees: 2, present: 1, isDemo: false, note: '逐章学习',
    attendeeList: [
      { id: 1, personId: 101, name: '王甲', source: 'member', organizationName: '王庄村党支部', state: 'present', hoursCredited: 3 },
      { id: 2, personId: 102, name: '李乙', source: 'member', organizationName: '王庄村党支部', state: 'absent', hoursCredited: 0 },
    ],
    // 16:30 UTC is the next morning in Beijing: the page must say 2026-03-29 00:30.
    files: [{ id: 5, name: '课件.pdf', size: 20_480, uploadedAt: '2026-03-28T16:30:00.000Z' }],
    responses: [{ personId: 103, name: '张丙', response: 'leave', reason: '外出务工' }],
    can: { edit: true },
    ...partial,
  };
}

export const ZERO_KINDS = { rotation_town: 0, rotation_county: 0, branch_study: 0, dengta_class: 0, institute_course: 0, field_school: 0, candidate_training: 0, online_study: 0 };

export function personHours(partial: Partial<PersonHours> = {}): PersonHours {
  return {
    personId: 101, name: '王甲', year: 2026, target: 32, group: 'member', byKind: { ...ZERO_KINDS, branch_study: 3, rotation_town: 8 }, total: 11, status: 'due',
    sessions: [
      { sessionId: 21, title: '学习党章', kind: 'branch_study', startsOn: '2026-03-28', endsOn: '2026-03-28', state: 'present', hoursCredited: 3 },
      { sessionId: 22, title: '全镇党员冬训', kind: 'rotation_town', startsOn: '2026-02-10', endsOn: '2026-02-11', state: 'present', hoursCredited: 8 },
    ],
    ...partial,
  };
}
