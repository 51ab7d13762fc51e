import type { Organization } from '@dj/contracts';

/** A flat list as GET /api/organizations?range=subtree returns it. */
export function org(partial: Partial<Organization> & Pick<Organization, 'id' | 'name' | 'path'>): Organization {
  const ids = partial.path.split('/').filter(Boolean).map(Number);
  return {
    parentId: ids.length > 1 ? ids[ids.length - 2] : null,
    depth: ids.length - 1,
    kind: 'branch',
    sector: 'village',
    isJoint: false,
    villageId: null,
    villageName: null,
    villageCode: null,
    status: 'active',
    closedAt: null,
    isDemo: false,
    updatedAt: '2024-05-01T02:00:00.000Z',
    ...partial,
  };
}

export const TOWN = org({ id: 1, name: '西王庄镇党委', path: '/1/', kind: 'committee', sector: null });
export const GENERAL = org({ id: 2, name: '机关党总支', path: '/1/2/', kind: 'general_branch', sector: 'government' });
export const WANGZHUANG = org({ id: 3, name: '王庄村党支部', path: '/1/3/', villageId: 11, villageName: '王庄村', villageCode: '371402001' });
export const GROUP_A = org({ id: 4, name: '王庄村第一党小组', path: '/1/3/4/', kind: 'group' });
export const OFFICE = org({ id: 5, name: '镇政府办公室党支部', path: '/1/2/5/', sector: 'government' });
export const CLOSED = org({ id: 6, name: '李庄村党支部', path: '/1/6/', status: 'closed', closedAt: '2024-03-01T00:00:00.000Z' });
export const CLOSED_CHILD = org({ id: 7, name: '李庄村党小组', path: '/1/6/7/', kind: 'group' });

export const ALL = [TOWN, GENERAL, WANGZHUANG, GROUP_A, OFFICE, CLOSED, CLOSED_CHILD];
