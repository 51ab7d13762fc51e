import { MEMBER_FILTERS, RANGES, type MemberListQuerySchema, type Range } from '@dj/contracts';

/** The list query after the contract's defaults are applied: what one roster screen asks for. */
export type RosterQuery = ReturnType<(typeof MemberListQuerySchema)['parse']>;
export type MemberFilter = RosterQuery['filter'];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

/** Roster state kept in the address bar, so a reload (or a shared link) shows the same list and detail. */
export interface RosterState {
  /** Absent: the user's own scope (the single scope root, or everything they may see). */
  orgId: number | undefined;
  range: Range;
  q: string;
  filter: MemberFilter;
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseRosterParams(params: URLSearchParams): RosterState {
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    orgId: positiveInt(params.get('orgId')),
    range: oneOf(RANGES, params.get('range'), 'subtree'),
    q: (params.get('q') ?? '').trim().slice(0, 40),
    filter: oneOf(MEMBER_FILTERS, params.get('filter'), 'all'),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize !== undefined && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The search string for a state, leaving defaults out so plain /members stays plain. */
export function rosterSearch(state: RosterState): string {
  const params = new URLSearchParams();
  if (state.orgId !== undefined) params.set('orgId', String(state.orgId));
  if (state.range !== 'subtree') params.set('range', state.range);
  if (state.q) params.set('q', state.q);
  if (state.filter !== 'all') params.set('filter', state.filter);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Any change other than paging starts again from page 1. */
export function withChange(state: RosterState, change: Partial<RosterState>): RosterState {
  const paging = Object.keys(change).every((key) => key === 'page');
  return { ...state, ...change, page: paging ? (change.page ?? state.page) : 1 };
}

/** What goes to GET /api/members. */
export function toListQuery(state: RosterState, orgId: number | undefined): RosterQuery {
  return {
    orgId,
    range: state.range,
    q: state.q || undefined,
    filter: state.filter,
    page: state.page,
    pageSize: state.pageSize,
  };
}
