import type pg from 'pg';
import type { Session } from '../context.js';

/** One request of the matrix: a URL and, for writes, a body. */
export interface Probe { url: string; body?: unknown }

/**
 * Ids of one record of each kind: outside the caller's scope (foreign) or inside it (own).
 * The harness provides org and member; every other key comes from a module's setup (and its nonexistent).
 */
export interface Ids {
  org: number; member: number;
  /** core: a 组织生活 record, a notification of its branch's secretary, the neighbouring town's checklist template. */
  activity: number; notification: number; checklistTemplate: number;
  /** recruitment: a 发展党员 recruitment, and a step record, mentor relation, 公示 and attached file of it. */
  recruitment: number; record: number; relation: number; notice: number; file: number;
  /** Further modules add their own keys. */
  [key: string]: number;
}

/** One route of the matrix, keyed "METHOD /url" exactly as Fastify registers it. */
export interface Case {
  /** Requests that name a record outside the caller's scope (path, query and nested body ids). */
  foreign?: (f: Ids, own: Ids) => Probe[];
  /** List routes: every returned record must lie inside the caller's scope. */
  list?: string;
}

/** The places foreign records are made in: the two villages' branches of the demo town and the neighbouring town's branch. */
export type Place = 'xihuagou' | 'yingzi' | 'other';

/** What a module's setup gets: the database and the records the harness made before it. */
export interface MatrixEnv {
  pool: pg.Pool;
  /** Organisation ids of the demo town by name (groups as "branch/group"), see orgIds in ../context.ts. */
  ids: Record<string, number>;
  /** The neighbouring town (a tenant of its own), its 党委, its branch 邻村党支部 and a member 邻镇党员 there. */
  otherTenantId: number; otherCommitteeId: number; otherBranchId: number; otherMemberId: number;
  /** The first member of a demo-town organisation, by name. */
  memberOf: (orgName: string) => Promise<number>;
  /** Some user of the demo town, for created_by columns. */
  anyUserId: number;
}

export interface MatrixModule {
  /** Matrix rows of this module's routes; a key may be defined by one module only. */
  rows: Record<string, Case>;
  /**
   * Creates one foreign record set per place (number them far from other ids, e.g. setval to a fresh
   * 10-million block). Returns the extra ids merged into Ids for each place; the keys must match nonexistent.
   */
  setup?: (env: MatrixEnv) => Promise<Record<Place, Record<string, number>>>;
  /** Ids for a nonexistent record of each kind this module adds (use 99_999_999). */
  nonexistent?: Record<string, number>;
  /** Extra assertions for the per-role "lists contain only records inside the scope" test. */
  lists?: (s: Session, role: string, visible: Set<number>, foreignNames: string[]) => Promise<void>;
  /** Extra assertions for "left every foreign record untouched". */
  untouched?: (pool: pg.Pool) => Promise<void>;
  /** Public routes (no session) this module's `lists` hook probes: drafts and foreign ids must look nonexistent. */
  publicRoutes?: string[];
}

export const NONEXISTENT_ID = 99_999_999;
