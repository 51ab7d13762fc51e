/** The cadres pages' test data (CadresPage, CadreDocuments): one village 王庄村 with its structure, 聘用制 and 服务队, and the town board. */
import type { CadreBoard, CadreHolding, StructureFigures, StructureView, TownStructure, VillageCadres } from '@dj/contracts';

export const holding = (partial: Partial<CadreHolding> & Pick<CadreHolding, 'id' | 'post' | 'name'>): CadreHolding => ({
  personId: partial.id, isMember: true, gender: 'male', birthDate: '1970-01-01', idNumberMasked: '370402********123X', startedOn: '2021-01-15',
  endedOn: null, how: 'election', termId: 1, periodEndsOn: null, homePost: null, sendingUnit: null, supportProjects: null, supportFen: null, education: null, localTalent: false, ...partial,
});

export const FIGURES: StructureFigures = {
  cadres: 5, avgAge: 47.2, ageBands: { upTo35: 1, from36To45: 1, from46To55: 2, over55: 1 }, college: 2, educationUnknown: 1, collegeSharePct: 40, women: 1,
  villagesWithSecretary: 1, combined: 1, combinedSharePct: 100, committeeMembers: 3, committeePartyMembers: 2, committeePartySharePct: 66.7,
  localTalent: 1, localTalentSharePct: 20,
};
export const STRUCTURE: StructureView = {
  asOf: '2026-12-06', targets: { avgAgeMax: 45, collegeSharePct: 30, womenMin: 1, combinedSharePct: 80, source: '本地换届目标' },
  figures: FIGURES, checks: { avgAge: 'short', collegeShare: 'met', women: 'met', combined: 'met' },
};
export const TOWN: TownStructure = { ...STRUCTURE, villages: [{ organizationId: 3, name: '王庄村党支部', figures: FIGURES, checks: STRUCTURE.checks }] };

export const VILLAGE: VillageCadres = {
  organizationId: 3, name: '王庄村党支部', villageName: '王庄村',
  current: [
    holding({ id: 1, personId: 1, post: 'secretary', name: '王书记' }),
    holding({ id: 2, personId: 1, post: 'director', name: '王书记' }),
    holding({ id: 3, personId: 5, post: 'women_director', name: '李秀英', isMember: false, gender: 'female' }),
  ],
  combined: { personId: 1, name: '王书记' },
  terms: [{ id: 1, startYear: 2021, endYear: 2026, electedOn: '2021-01-15' }],
  history: [{ id: 9, kind: 'election', role: 'start', post: 'secretary', personId: 1, name: '王书记', occurredOn: '2021-01-15', reason: '村"两委"换届选举', recordedAt: '2021-01-15T02:00:00.000Z' }],
  adjustments: [],
  candidates: [{ personId: 1, name: '王书记', isMember: true }, { personId: 7, name: '赵会计', isMember: true }],
  structure: STRUCTURE,
  employments: [{ id: 1, cadrePostId: 1, since: '2022-01-01', ruleText: '镇党委《村党支部书记聘用制管理办法》', careerTreatment: true, reviews: [{ year: 2025, result: 'excellent', note: null }] }],
  serviceTeam: [{ id: 2, name: '孙队员', unit: '县农业农村局', teamName: '县派乡村振兴服务队', startedOn: '2025-03-01', endsOn: '2027-03-01', endedOn: null, daysLeft: 450, villages: [{ organizationId: 3, name: '王庄村党支部' }] }],
  can: { edit: false },
};

export const BOARD: CadreBoard = {
  villages: [{ organizationId: 3, name: '王庄村党支部', secretary: '王书记', secretaryHow: 'election', director: '王书记', combined: true, holders: 3 }],
  assigned: [{ ...holding({ id: 4, post: 'first_secretary', name: '周第一', how: 'assignment', periodEndsOn: '2026-12-20', sendingUnit: '区农业农村局' }), organizationId: 3, organizationName: '王庄村党支部', daysLeft: 14 }],
  adjustments: [{ id: 6, organizationId: 3, organizationName: '王庄村党支部', personId: 1, name: '王书记', reason: '集体经济增收慢', markedOn: '2026-11-01', decision: null, decisionNote: null, decidedOn: null }],
  totals: { villages: 1, combined: 1, withoutSecretary: 0 },
  employment: { employed: 2, careerTreatment: 2, secretaries: 2, directors: 0, familyPlanning: 0 },
  serviceTeam: [{ id: 2, name: '孙队员', unit: '县农业农村局', teamName: '县派乡村振兴服务队', startedOn: '2025-03-01', endsOn: '2026-12-26', endedOn: null, daysLeft: 20, villages: [{ organizationId: 3, name: '王庄村党支部' }] }],
  dueDays: 30,
};
