// A year of 学习培训 with 学时 (issue 19): each branch's monthly study (3 学时 to each member present, about 85% come;
// members away working attend less) and each town's 集中轮训 three times a year for the branches' committees
// (8 学时). Held days only, so near the year's end some members are short of their 32 / 56 学时 and the 待办 and
// 驾驶舱 read real sums: without these rows the bench measured the 学时 statements on empty tables.
import type pg from 'pg';
import { trainingAttendees, trainingSessions } from '../../apps/api/src/db/schema/index.js';
import { groupedBy } from '../../apps/api/src/lib/group.js';
import { copyRows } from './copy.js';
import { secretaryUserId, tenantOfBranch, townAdminUserId, type Layout } from './gen-orgs.js';
import { memberFacts } from './gen-people.js';
import { chance, pad, rng } from './scale-plan.js';

const STUDY_HOURS = 3;
const ROTATION_HOURS = 8;
/** Months (1-12) of the town's 集中轮训. */
const ROTATION_MONTHS = [3, 7, 10];
const COMMITTEE = 5;

interface Session { id: number; tenantId: number; organizationId: number; kind: 'branch_study' | 'rotation_town'; day: string; hours: number; createdBy: number; town: number; branch: number }

/** The held sessions of the twelve months up to today, in a fixed order: branches' studies, then towns' rotations. */
function* sessions(layout: Layout, today: string): Generator<Session> {
  let id = 0;
  const firstMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 11;
  const dayOf = (m: number, d: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-${pad(d)}`;
  for (let i = 0; i < layout.branches.length; i++) {
    const b = layout.branches[i];
    for (let m = firstMonth; m < firstMonth + 12; m++) {
      const day = dayOf(m, 10 + (b.id % 10));
      if (day < today) yield { id: ++id, tenantId: tenantOfBranch(layout, b), organizationId: b.id, kind: 'branch_study', day, hours: STUDY_HOURS, createdBy: secretaryUserId(layout, i), town: b.town, branch: i };
    }
  }
  for (let t = 0; t < layout.towns.length; t++) {
    for (let m = firstMonth; m < firstMonth + 12; m++) {
      const day = dayOf(m, 16);
      if (ROTATION_MONTHS.includes((m % 12) + 1) && day < today) {
        yield { id: ++id, tenantId: layout.towns[t].tenantId, organizationId: layout.towns[t].orgId, kind: 'rotation_town', day, hours: ROTATION_HOURS, createdBy: townAdminUserId(t), town: t, branch: -1 };
      }
    }
  }
}

export async function generateStudy(client: pg.PoolClient, layout: Layout, today: string, note: (table: string, rows: number) => void) {
  function* sessionRows(): Generator<typeof trainingSessions.$inferInsert> {
    for (const s of sessions(layout, today)) {
      const at = new Date(`${s.day}T12:00:00Z`);
      yield {
        id: s.id, tenantId: s.tenantId, organizationId: s.organizationId, kind: s.kind, title: s.kind === 'branch_study' ? '支部集中学习' : '镇党委集中轮训',
        startsOn: s.day, endsOn: s.day, hours: s.hours, venue: null, lecturers: null, note: null, activityId: null, isDemo: false,
        createdBy: s.createdBy, createdAt: at, updatedAt: at,
      };
    }
  }
  function* attendeeRows(): Generator<typeof trainingAttendees.$inferInsert> {
    const branchesOf = groupedBy(layout.branches.map((b, i) => ({ town: b.town, i })), (b) => b.town);
    for (const s of sessions(layout, today)) {
      const rand = rng(13 * s.id + 5);
      const line = (branchIndex: number, memberId: number) => {
        const b = layout.branches[branchIndex];
        const present = chance(rand, memberFacts(memberId, today).mobile ? 0.3 : 0.85);
        return {
          tenantId: s.tenantId, organizationId: b.id, sessionOrganizationId: s.organizationId, sessionId: s.id, personId: memberId, villagerName: null,
          state: present ? 'present' as const : 'absent' as const, hoursCredited: present ? s.hours : 0,
        };
      };
      if (s.kind === 'branch_study') {
        const b = layout.branches[s.branch];
        for (let k = 0; k < b.size; k++) yield line(s.branch, b.firstMember + k);
        continue;
      }
      for (const { i } of branchesOf.get(s.town) ?? []) {
        const b = layout.branches[i];
        for (let k = 0; k < Math.min(COMMITTEE, b.size); k++) yield line(i, b.firstMember + k);
      }
    }
  }
  note('training_sessions', await copyRows(client, trainingSessions, sessionRows()));
  note('training_attendees', await copyRows(client, trainingAttendees, attendeeRows()));
}
