// 发展党员 cases, 三务公开 and 联督联查 of a synthetic tenant: enough of each for the boards, the to-do list and
// the public village page to read what a real county would show.
import type pg from 'pg';
import { idNumberCheckDigit, maskIdNumber } from '@dj/contracts';
import {
  disclosures, inspectionResults, inspectionRoundVillages, inspectionRounds, persons, recruitmentSteps, recruitments, rectifications,
} from '../../apps/api/src/db/schema/index.js';
import type { FieldCipher } from '../../apps/api/src/lib/crypto.js';
import { copyRows } from './copy.js';
import { secretaryUserId, tenantOfBranch, townAdminUserId, type Layout } from './gen-orgs.js';
import { chance, dayMs, isoDay, pad, personName, rng } from './scale-plan.js';

const PHASE_STEPS = {
  applicant: [['application', 0], ['talk', 20]],
  activist: [['application', 0], ['talk', 20], ['activist', 120], ['activist_filing', 130]],
  candidate: [['application', 0], ['talk', 20], ['activist', 120], ['activist_filing', 130], ['activist_review', 480], ['candidate', 500], ['candidate_filing', 510]],
} as const;

/** About one open case per 30 members: applicants, 积极分子 and 发展对象, each with its recorded steps. */
export async function generateRecruitment(client: pg.PoolClient, layout: Layout, cipher: FieldCipher, today: string, note: (t: string, n: number) => void) {
  const todayMs = Date.parse(today);
  const cases: { id: number; personId: number; org: number; tenantId: number; branchIndex: number; phase: keyof typeof PHASE_STEPS; applied: number }[] = [];
  let personId = layout.members;
  layout.branches.forEach((b, i) => {
    const rand = rng(53 * b.id);
    const count = Math.floor(b.size / 30 + rand());
    for (let k = 0; k < count; k++) {
      const r = rand();
      const phase = r < 0.4 ? 'applicant' : r < 0.75 ? 'activist' : 'candidate';
      const age = { applicant: 20, activist: 200, candidate: 560 }[phase];
      cases.push({ id: cases.length + 1, personId: ++personId, org: b.id, tenantId: tenantOfBranch(layout, b), branchIndex: i, phase, applied: todayMs - (age + Math.floor(rand() * 150)) * dayMs });
    }
  });
  function* personRows(): Generator<typeof persons.$inferInsert> {
    for (const c of cases) {
      const rand = rng(59 * c.personId);
      const gender = chance(rand, 0.6) ? 'male' : 'female';
      const birth = `${1985 + Math.floor(rand() * 18)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
      // Region 379xxx keeps applicants' numbers apart from the members' 370xxx.
      const body = `379${pad(Math.floor(c.personId / 1000) % 1000, 3)}${birth.replaceAll('-', '')}${pad(c.personId % 1000, 3)}`;
      const id = body + idNumberCheckDigit(body);
      yield {
        id: c.personId, tenantId: c.tenantId, name: personName(rand, gender), gender, ethnicity: '汉族', birthDate: birth,
        idNumberEnc: cipher.encrypt(id), idNumberHash: cipher.lookupHash(id), idNumberMasked: maskIdNumber(id),
        phoneEnc: null, phoneHash: null, phoneMasked: null, nativePlace: '山东', education: 'high_school', occupation: 'farmer', workUnit: null, address: null, hamlet: null, isDemo: false,
      };
    }
  }
  note('persons (applicants)', await copyRows(client, persons, personRows()));
  note('recruitments', await copyRows(client, recruitments, cases.map((c) => ({
    id: c.id, tenantId: c.tenantId, personId: c.personId, organizationId: c.org, status: 'active' as const, phase: c.phase, memberId: null,
    stoppedOn: null, stoppedReason: null, isDemo: false, createdBy: secretaryUserId(layout, c.branchIndex),
  }))));
  function* stepRows(): Generator<typeof recruitmentSteps.$inferInsert> {
    for (const c of cases) {
      for (const [stepCode, after] of PHASE_STEPS[c.phase]) {
        yield { tenantId: c.tenantId, recruitmentId: c.id, stepCode, occurredOn: isoDay(c.applied + after * dayMs), decidedBy: stepCode === 'application' ? 'branch' : 'branch', note: null, details: {}, warnings: [], recordedBy: secretaryUserId(layout, c.branchIndex) };
      }
    }
  }
  note('recruitment_steps', await copyRows(client, recruitmentSteps, stepRows()));
}

/** Each village's last 12 months of 财务 (monthly) and 4 quarters of 村务 and 党务, 90% published. */
export async function generateDisclosures(client: pg.PoolClient, layout: Layout, today: string, note: (t: string, n: number) => void) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  function* rows(): Generator<typeof disclosures.$inferInsert> {
    for (const [i, b] of layout.branches.entries()) {
      if (b.villageId === null) continue;
      const rand = rng(71 * b.id);
      const add = (category: 'party' | 'village' | 'finance', ruleKey: 'finance_monthly' | 'village_quarterly' | 'party_quarterly', period: string, title: string): typeof disclosures.$inferInsert => {
        const published = chance(rand, 0.9);
        const at = new Date(Date.parse(today) - Math.floor(rand() * 300) * dayMs);
        return {
          tenantId: tenantOfBranch(layout, b), organizationId: b.id, villageId: b.villageId, category, ruleKey, period, title, content: `${title}: 详见附表,欢迎群众监督。`, table: null,
          status: published ? 'published' : 'draft', supersedesId: null, submittedAt: published ? at : null, reviewedBy: null, reviewedAt: published ? at : null,
          approvedBy: null, approvedAt: published ? at : null, publishedAt: published ? at : null, returnReason: null, isDemo: false, createdBy: secretaryUserId(layout, i),
        };
      };
      for (let k = 1; k <= 12; k++) {
        const m = year * 12 + month - 1 - k;
        yield add('finance', 'finance_monthly', `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`, `${Math.floor(m / 12)}年${(m % 12) + 1}月财务收支公开`);
      }
      for (let q = 1; q <= 4; q++) {
        const qi = year * 4 + Math.floor((month - 1) / 3) - q;
        const period = `${Math.floor(qi / 4)}-Q${(qi % 4) + 1}`;
        yield add('village', 'village_quarterly', period, `${period} 村务公开`);
        yield add('party', 'party_quarterly', period, `${period} 党务公开`);
      }
    }
  }
  note('disclosures', await copyRows(client, disclosures, rows()));
}

const ITEMS = [{ key: 'meetings', label: '三会一课落实' }, { key: 'disclosure', label: '三务公开' }, { key: 'dues', label: '党费收缴' }];

/** One 联督联查 round per town (in the town's tenant, by its admin) half a year ago over its villages, 15% findings each with a 整改 (some overdue). */
export async function generateInspections(client: pg.PoolClient, layout: Layout, today: string, note: (t: string, n: number) => void) {
  const starts = isoDay(Date.parse(today) - 180 * dayMs);
  const rounds = layout.towns.map((t, i) => ({
    id: i + 1, tenantId: t.tenantId, title: `${t.name}联督联查`, startsOn: starts, endsOn: isoDay(Date.parse(starts) + 14 * dayMs),
    team: [{ name: '纪委书记', department: 'discipline' as const }], items: ITEMS, status: 'closed' as const, closedAt: new Date(starts), isDemo: false, createdBy: townAdminUserId(i),
  }));
  note('inspection_rounds', await copyRows(client, inspectionRounds, rounds));
  const villageBranches = layout.branches.filter((b) => b.villageId !== null);
  note('inspection_round_villages', await copyRows(client, inspectionRoundVillages, villageBranches.map((b) => ({ tenantId: tenantOfBranch(layout, b), roundId: b.town + 1, organizationId: b.id }))));
  const results: (typeof inspectionResults.$inferInsert)[] = [];
  const fixes: (typeof rectifications.$inferInsert)[] = [];
  for (const b of villageBranches) {
    const rand = rng(83 * b.id);
    const tenantId = tenantOfBranch(layout, b);
    for (const item of ITEMS) {
      const finding = chance(rand, 0.15);
      const id = results.length + 1;
      results.push({ id, tenantId, roundId: b.town + 1, organizationId: b.id, itemKey: item.key, outcome: finding ? 'finding' : 'ok', note: finding ? `${item.label}记录不全` : null, recordedBy: townAdminUserId(b.town) });
      if (finding) {
        const status = pick3(rand);
        fixes.push({ tenantId, roundId: b.town + 1, resultId: id, organizationId: b.id, description: `补齐${item.label}记录`, ownerName: '支部书记',
          dueOn: isoDay(Date.parse(today) + (Math.floor(rand() * 60) - 30) * dayMs), requiredEvidence: '整改报告', status, acceptedOn: status === 'accepted' ? starts : null, isDemo: false, createdBy: townAdminUserId(b.town) });
      }
    }
  }
  note('inspection_results', await copyRows(client, inspectionResults, results));
  note('rectifications', await copyRows(client, rectifications, fixes));
}

const pick3 = (rand: () => number) => { const r = rand(); return r < 0.5 ? 'accepted' as const : r < 0.8 ? 'open' as const : 'submitted' as const; };
