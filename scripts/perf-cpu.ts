// npx tsx scripts/perf-cpu.ts: CPU time of the JavaScript half of two hot endpoints, on in-memory rows of city size
// (issue 14 point 2), so a fix can be measured before and after without the database or the bench harness:
//   - the member list's row mapping (toMember) over 70,000 rows;
//   - the compliance board's assembly (assembleCompliance) for 1,500 branches, 70,000 members, 75,000 activities.
// Prints user+system CPU milliseconds per run (median of RUNS) and the RSS after the runs.
import { ACTIVITY_KINDS, todayInShanghai } from '@dj/contracts';
import '../apps/api/src/app.js'; // the app's own import order: the modules import one another
import { toMember } from '../apps/api/src/modules/members/service.js';
import type { MemberRow } from '../apps/api/src/modules/members/repository.js';
import { assembleCompliance, type ComplianceLoad } from '../apps/api/src/modules/activities/compliance-service.js';
import { defaultComplianceRules } from '../apps/api/src/modules/activities/rules/compliance-rules.js';
import { toPublic } from '../apps/api/src/modules/disclosure/public-service.js';

const RUNS = Number(process.env.RUNS ?? 5);
const MEMBERS = 70_000;
const BRANCHES = 1_500;
const ACTIVITIES = 75_000;

function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(fn: () => unknown): number {
  fn(); // warm-up: JIT
  const times = Array.from({ length: RUNS }, () => cpuMs(fn)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function memberRow(i: number): MemberRow {
  return {
    id: i, personId: i, tenantId: 1, name: `党员${i}`, gender: i % 2 ? 'male' : 'female', ethnicity: '汉族', birthDate: '1970-03-01',
    idNumberMasked: '3701**********123X', phoneMasked: '138****0000', nativePlace: '山东济南', education: 'high_school', occupation: 'farmer',
    workUnit: null, address: '某村', hamlet: null, joinedAt: '2000-07-01', confirmedAt: i % 10 ? '2001-07-01' : null, standing: 'full',
    membershipStatus: 'active', isMobile: false, onRoster: true, probationEndsOn: null, organizationId: 1 + (i % BRANCHES),
    organizationName: '某村党支部', organizationPath: '/1/2/', groupId: null, groupName: null, partyPosts: [], isVillageCadre: false,
    isHardship: false, isDemo: false,
  } as unknown as MemberRow;
}

function complianceLoad(): ComplianceLoad {
  const today = todayInShanghai();
  const year = today.slice(0, 4);
  const branches = Array.from({ length: BRANCHES }, (_, i) => ({ id: i + 1, name: `党支部${i + 1}` }));
  const roster = Array.from({ length: MEMBERS }, (_, i) => ({
    id: i + 1, organizationId: 1 + (i % BRANCHES), membershipStatus: i % 20 ? 'active' : 'suspended', standing: i % 8 ? 'full' : 'probationary',
  }));
  const groups = Array.from({ length: BRANCHES * 2 }, (_, i) => ({ id: 100_000 + i, parentId: 1 + (i % BRANCHES) }));
  const kinds = ACTIVITY_KINDS;
  const held = Array.from({ length: ACTIVITIES }, (_, i) => {
    const branch = 1 + (i % BRANCHES);
    const kind = kinds[i % kinds.length];
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      id: i + 1, organizationId: branch, groupId: null, kind, countsFor: [], heldOn: `${year}-${month}-10`, supervisorUserId: null,
      reviewStatus: 'signed_off', attendeeIds: kind === 'heart_talk' ? [branch, branch + BRANCHES] : [],
    };
  }) as unknown as ComplianceLoad['held'];
  return { branches, roster, groups, held, rules: defaultComplianceRules(), period: today.slice(0, 7), today, dueSoonDays: 7 };
}

/** A village's public page: up to 200 published disclosures (a year is about two dozen), each a page of text and a table. */
function publishedRows() {
  const line = '本月村集体经营性收入12800元,支出修路材料费3560元,经村务监督委员会审核无误。';
  return Array.from({ length: 200 }, (_, i) => ({
    id: i + 1, category: 'village', period: '2026-11', title: `2026年11月村务公开(${i + 1})`, content: Array.from({ length: 25 }, () => line).join('\n'),
    table: { header: ['项目', '金额(元)', '经手人', '日期', '用途', '备注'], rows: Array.from({ length: 20 }, (_, r) => ['修路', String(1000 + r), '王建国', '2026-11-05', '村道硬化', '']) },
    publishedAt: new Date(), corrected: false, personalNumbersFound: false,
  })) as unknown as Parameters<typeof toPublic>[0][];
}

const rows = Array.from({ length: MEMBERS }, (_, i) => memberRow(i + 1));
// The list's own call: listMembers maps its page with the day it read once (a page is 20 to 100 rows; 70,000 rows
// stand for many concurrent pages).
const today = todayInShanghai();
const memberMs = median(() => rows.map((r) => toMember(r, today)));
const memberPerRowMs = median(() => rows.map((r) => toMember(r)));
const load = complianceLoad();
const complianceMs = median(() => assembleCompliance(load));
const published = publishedRows();
const publicMs = median(() => published.map((r) => toPublic(r, [], today)));
console.log(`toPublic x ${published.length} disclosures (25 lines + a 20-row table each): ${publicMs.toFixed(1)} ms CPU per village page view`);
console.log(`toMember x ${MEMBERS}, day read once: ${memberMs.toFixed(0)} ms CPU; day read per row (old call): ${memberPerRowMs.toFixed(0)} ms CPU`);
console.log(`assembleCompliance, ${BRANCHES} branches / ${MEMBERS} members / ${ACTIVITIES} activities: ${complianceMs.toFixed(0)} ms CPU`);
console.log(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (median of ${RUNS} runs)`);
