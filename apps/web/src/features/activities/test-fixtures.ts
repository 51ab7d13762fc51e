import type { Activity, ActivityDetail } from './api';

export function activity(partial: Partial<Activity> & Pick<Activity, 'id' | 'kind' | 'heldOn'>): Activity {
  return {
    organizationId: 3, organizationName: '王庄村党支部', groupId: null, groupName: null, countsFor: [], countedAs: [partial.kind],
    place: '村党群服务中心', topic: '学习党的二十届四中全会精神', host: '王书记', recorder: '李会计', lecturer: null, status: 'held',
    isDemo: false, attendance: { present: 10, excused: 1, absent: 0 }, reviewStatus: 'none', supervisorUserId: null,
    ...partial,
  };
}

export function detail(partial: Partial<ActivityDetail> & Pick<ActivityDetail, 'id' | 'kind' | 'heldOn'>): ActivityDetail {
  return {
    ...activity(partial),
    agenda: null, minutes: null, resolutions: null,
    attendances: [],
    expected: [{ memberId: 101, name: '张三' }, { memberId: 102, name: '李四' }],
    can: { edit: true, review: false, assignSupervisor: false },
    agendaParts: [], guests: [], supervisor: { userId: 9, name: '赵科长' }, reviews: [], responses: [], files: [], checklists: [],
    quorum: null, votes: [], upload: null, appraisal: null,
    ...partial,
  };
}
