import type { ComplianceQuery, MemberListQuery } from '@dj/contracts';

/*
 * Query keys that more than one feature reads or invalidates: a change in one feature (a letter issued, a
 * setting saved, a record signed off) makes another feature's data stale, and features do not import each
 * other (docs/architecture.md, "Boundaries"). A key only its own feature uses stays in that feature's api.ts.
 */

/** The roster and a member's detail: mobility changes both (流动 tag, leaving the roster). */
export const memberKeys = {
  all: ['members'] as const,
  lists: ['members', 'list'] as const,
  list: (query: MemberListQuery) => ['members', 'list', query] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
};

/** 党费: amounts are computed from the dues settings. */
export const duesKeys = {
  all: ['dues'] as const,
  member: (id: number) => ['dues', 'member', id] as const,
  memberYear: (id: number, year: number) => ['dues', 'member', id, year] as const,
  branch: (query: { orgId?: number; month: string }) => ['dues', 'branch', query] as const,
};

/** 流动登记 and 介绍信 of one member: letter validity and flow deadlines come from the settings. */
export const mobilityKeys = {
  all: ['mobility'] as const,
  member: (id: number) => ['mobility', id] as const,
};

/** 待办事项: gathered from every module, so mobility and the settings move it. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (orgId: number | undefined, kind: string | undefined, page: number, pageSize: number) => ['tasks', orgId ?? null, kind ?? null, page, pageSize] as const,
};

/** The compliance calendar counts records once supervision signs them off. */
export const complianceKeys = {
  all: ['compliance'] as const,
  board: (query: ComplianceQuery) => ['compliance', query] as const,
};
