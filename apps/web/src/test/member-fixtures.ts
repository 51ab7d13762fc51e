import type { Me, Member, MemberDetail, Role } from '@dj/contracts';

export function me(roles: Role[], scope: Me['scope'] = [{ organizationId: 1, name: '西王庄镇党委', path: '/1/' }]): Me {
  return {
    user: { id: 1, username: 'admin', displayName: '王书记', roles, tenantId: 1, tenantName: '西王庄镇', isDemo: true },
    scope,
    passwordChange: null,
    csrfToken: 'csrf-1',
  };
}

/** One roster row, filed under 王庄村党支部 (org 3 of org-fixtures). */
export function member(partial: Partial<Member> & Pick<Member, 'id' | 'name'>): Member {
  return {
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1980-03-15',
    idNumberMasked: '370402********123X',
    phoneMasked: '138****5678',
    nativePlace: '山东枣庄',
    education: 'high_school',
    joinedAt: '2005-07-01',
    confirmedAt: '2006-07-01',
    confirmedDateUnknown: false,
    partyYears: 19,
    standing: 'full',
    membershipStatus: 'active',
    isMobile: false,
    organizationId: 3,
    organizationName: '王庄村党支部',
    groupId: null,
    groupName: null,
    partyPosts: [],
    occupation: 'farmer',
    workUnit: null,
    address: '王庄村1号',
    hamlet: '一组',
    isVillageCadre: false,
    isHardship: false,
    completeness: 88,
    isDemo: true,
    ...partial,
  };
}

export function memberDetail(base: Member, partial: Partial<MemberDetail> = {}): MemberDetail {
  return {
    ...base,
    events: [
      { id: 1, kind: 'admitted', occurredOn: base.joinedAt, reason: null, fromOrganizationName: null, toOrganizationName: base.organizationName, recordedBy: '王书记' },
    ],
    missingFields: ['工作单位'],
    can: { edit: true, reveal: true, recordEvent: true },
    ...partial,
  };
}
