/**
 * The 发展党员 documents as document models: pure functions of the recruitment as the API returns it, rendered to
 * .docx and PDF by the same renderers as the 组织生活 ledgers, so the Word and the PDF copies say the same thing.
 */
import {
  addMonths, addYears, DECIDING_BODY_LABELS, GENDER_LABELS, PIPELINE_PHASE_LABELS, PUBLIC_NOTICE_OUTCOME_LABELS, PUBLIC_NOTICE_STAGE_LABELS, type Recruitment, RECRUITMENT_STAGE_LABELS, RECRUITMENT_STATUS_LABELS, type RecruitmentSummary, REGISTER_DOCUMENT_LABELS, type REGISTER_DOCUMENTS, RELATION_KIND_LABELS, type StepDetails,
} from '@dj/contracts';
import { chineseDate, heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';

export type RegisterKind = (typeof REGISTER_DOCUMENTS)[number];
type Rec = Recruitment['records'][number];
type Relation = Recruitment['relations'][number];

const NONE = '—';
const date = (d: string | null | undefined) => (d ? chineseDate(d) : '');
const orNone = (s: string | null | undefined) => (s && s.trim() ? s : NONE);
const SIGN_DATE = '　　　　年　　月　　日';

/** Where the person stands, in words: the pipeline phase, or the closed status with its reason. */
export function standing(j: Pick<Recruitment, 'status' | 'phase' | 'stage' | 'stoppedReason'>): string {
  if (j.status === 'stopped') return `${RECRUITMENT_STATUS_LABELS.stopped}${j.stoppedReason ? `(${j.stoppedReason})` : ''}`;
  if (j.status === 'confirmed') return RECRUITMENT_STATUS_LABELS.confirmed;
  const phase = j.phase ? PIPELINE_PHASE_LABELS[j.phase] : RECRUITMENT_STATUS_LABELS[j.status];
  return `${phase}(第${j.stage}阶段:${RECRUITMENT_STAGE_LABELS[j.stage] ?? ''})`;
}

/** The step's own facts in a sentence, for the 备注 column. */
export function detailText(stepCode: string, d: StepDetails, relations: readonly Relation[] = []): string {
  const parts: string[] = [];
  if (d.talker) parts.push(`谈话人:${d.talker}`);
  if (d.summary) parts.push(`谈话要点:${d.summary}`);
  if (d.memberIds?.length) {
    const names = d.memberIds.map((id) => relations.find((r) => r.memberId === id)?.memberName ?? `编号${id}`);
    const what = stepCode === 'mentors' ? '培养联系人' : stepCode === 'sponsors' ? '入党介绍人' : '党员';
    parts.push(`${what}:${names.join('、')}`);
  }
  if (d.conclusion) parts.push(`政治审查结论:${d.conclusion === 'pass' ? '合格' : '不合格'}`);
  if (d.trainingDays || d.trainingHours) parts.push(`集中培训${d.trainingDays ?? 0}天、${d.trainingHours ?? 0}学时`);
  if (d.certificateNo) parts.push(`结业证书编号:${d.certificateNo}`);
  if (d.leavingOn) parts.push(`预计${date(d.leavingOn)}离开单位`);
  if (d.vote) parts.push(`应到会有表决权${d.vote.eligible}人,实到${d.vote.present}人,赞成${d.vote.yes}票,反对${d.vote.no}票,弃权${d.vote.abstain}票`);
  if (d.decision) parts.push(d.decision === 'confirm' ? '按期转正' : d.decision === 'extend' ? `延长预备期${d.extensionMonths ?? ''}个月` : '取消预备党员资格');
  if (d.approved !== undefined) parts.push(d.approved ? '批准' : '不批准');
  if (d.delayReason) parts.push(`延长审批原因:${d.delayReason}`);
  return parts.join(';');
}

function remarkOf(r: Rec, relations: readonly Relation[]): string {
  const parts = [detailText(r.stepCode, r.details, relations), r.note ?? ''].filter(Boolean);
  for (const w of r.warnings) parts.push(`提醒:${w.message}(${w.source})`);
  return parts.join('\n');
}

/** 发展党员全程纪实表: every step of the procedure, taken or not, with the relations and the 公示. */
export function recordModel(j: Recruitment, generatedOn: string): DocModel {
  const stepRows: string[][] = [];
  const byCode = new Map<string, Rec[]>();
  for (const r of j.records) byCode.set(r.stepCode, [...(byCode.get(r.stepCode) ?? []), r]);
  const known = new Set(j.steps.map((s) => s.code));
  // The stage is named on its first row only, as on the paper form where the cells are merged.
  let lastStage = 0;
  const stageLabel = (stage: number) => {
    if (stage === lastStage) return '';
    lastStage = stage;
    return `${stage}.${RECRUITMENT_STAGE_LABELS[stage] ?? ''}`;
  };
  const row = (stage: number, name: string, r: Rec | null, pending: string) => stepRows.push([
    stageLabel(stage), name, r ? date(r.occurredOn) : '', r?.decidedBy ? DECIDING_BODY_LABELS[r.decidedBy] : '', r?.recordedByName ?? '',
    r ? remarkOf(r, j.relations) : pending,
  ]);
  for (const s of j.steps) {
    const done = byCode.get(s.code) ?? [];
    if (done.length) { for (const r of done) row(s.stage, s.name, r, ''); continue; }
    const next = j.nextSteps.find((n) => n.code === s.code);
    const pending = next
      ? ['待办理', next.earliest ? `最早${date(next.earliest)}` : '', next.dueBy ? `应于${date(next.dueBy)}前完成` : ''].filter(Boolean).join(',')
      : s.required ? '' : '本镇(省)增加的步骤,可不经过';
    row(s.stage, s.name, null, pending);
  }
  // A record of a step the town has since removed is still part of the history.
  for (const r of j.records.filter((x) => !known.has(x.stepCode))) row(r.stage, r.stepName, r, '');

  const blocks: Block[] = [
    keyValue([
      ['姓名', j.name], ['性别', GENDER_LABELS[j.gender]], ['出生日期', date(j.birthDate)], ['身份证号', j.idNumberMasked],
      ['所在党支部', j.organizationName], ['当前阶段', standing(j)],
    ]),
    heading(2, '一、发展程序'),
    table(['阶段', '步骤', '日期', '决定机关', '记录人', '备注/提醒'], stepRows, [22, 30, 27, 18, 26, 39]),
    heading(2, '二、培养联系人和入党介绍人'),
    j.relations.length
      ? table(['类别', '姓名', '起始日期', '结束日期'], j.relations.map((r) => [RELATION_KIND_LABELS[r.kind], r.memberName, date(r.since), r.until ? date(r.until) : '至今']), [2, 2, 2, 2])
      : paragraph('暂无。'),
    heading(2, '三、公示'),
    j.notices.length
      ? table(['公示事项', '公示期', '公示结果', '说明'], j.notices.map((n) => [
        PUBLIC_NOTICE_STAGE_LABELS[n.stage], `${date(n.startsOn)}至${date(n.endsOn)}`, n.outcome ? PUBLIC_NOTICE_OUTCOME_LABELS[n.outcome] : '尚未登记结果',
        [n.outcomeNote ?? '', ...n.warnings.map((w) => `提醒:${w.message}`)].filter(Boolean).join('\n'),
      ]), [2, 3, 2, 3])
      : paragraph('暂无。'),
    paragraph(`生成日期:${date(generatedOn)}`, { align: 'right', small: true }),
  ];
  return { title: '发展党员全程纪实表', subtitle: j.organizationName, blocks };
}

/** The latest 党组织派人谈话, or null when none is recorded yet. */
export const talkRecord = (j: Recruitment): Rec | null => j.records.filter((r) => r.stepCode === 'talk').at(-1) ?? null;

/** 入党谈话记录 from the recorded talk, with lines for the signatures. */
export function talkModel(j: Recruitment, talk: Rec): DocModel {
  const applied = j.records.find((r) => r.stepCode === 'application');
  return {
    title: '入党谈话记录',
    subtitle: j.organizationName,
    blocks: [
      keyValue([
        ['谈话对象', j.name], ['性别', GENDER_LABELS[j.gender]], ['出生日期', date(j.birthDate)], ['所在党支部', j.organizationName],
        ['递交入党申请书日期', date(applied?.occurredOn)], ['谈话日期', date(talk.occurredOn)], ['谈话人', orNone(talk.details.talker)],
        ['记录人', orNone(talk.recordedByName)],
      ]),
      heading(2, '谈话内容'),
      paragraph(orNone(talk.details.summary)),
      ...(talk.note ? [heading(2, '备注'), paragraph(talk.note)] : []),
      paragraph(''),
      paragraph(`谈话人(签名):　　　　　　　　　　${SIGN_DATE}`),
      paragraph(`谈话对象(签名):　　　　　　　　　${SIGN_DATE}`),
      paragraph(`党支部(盖章):　　　　　　　　　　${SIGN_DATE}`),
    ],
  };
}

/** The latest 公示 of the recruitment, or null. */
export const latestNotice = (j: Recruitment) => j.notices.at(-1) ?? null;

/** 发展党员公示: the notice's text as posted, its period and how it ended. */
export function noticeModel(j: Recruitment, n: Recruitment['notices'][number]): DocModel {
  return {
    title: '发展党员公示',
    subtitle: PUBLIC_NOTICE_STAGE_LABELS[n.stage],
    blocks: [
      ...n.content.split(/\r?\n/).filter((l) => l.trim()).map((l) => paragraph(l)),
      keyValue([
        ['公示对象', j.name], ['所在党支部', j.organizationName], ['公示事项', PUBLIC_NOTICE_STAGE_LABELS[n.stage]],
        ['公示期', `${date(n.startsOn)}至${date(n.endsOn)}`], ['公示结果', n.outcome ? PUBLIC_NOTICE_OUTCOME_LABELS[n.outcome] : '公示结果尚未登记'],
        ['说明', orNone(n.outcomeNote)],
      ]),
      paragraph(''),
      paragraph(`中共${j.organizationName.replace(/^中共/, '')}`, { align: 'right' }),
      paragraph(date(n.startsOn), { align: 'right' }),
    ],
  };
}

/** One line of a register: the summary and what the records and relations say. */
export interface RegisterEntry {
  recruitment: RecruitmentSummary;
  records: ReadonlyArray<{ stepCode: string; occurredOn: string; details: StepDetails }>;
  relations: ReadonlyArray<{ kind: string; memberName: string; until: string | null }>;
}

const firstOn = (e: RegisterEntry, code: string) => e.records.find((r) => r.stepCode === code)?.occurredOn ?? null;
const lastOn = (e: RegisterEntry, code: string) => e.records.filter((r) => r.stepCode === code).at(-1)?.occurredOn ?? null;
const current = (e: RegisterEntry, kind: string) => e.relations.filter((r) => r.kind === kind && !r.until).map((r) => r.memberName).join('、');

/** 预备期满: one year from the 支部大会 that admitted, plus an extension the 转正 meeting decided. */
export function probationEnd(e: Pick<RegisterEntry, 'records'>): string | null {
  const meeting = e.records.filter((r) => r.stepCode === 'admission_meeting').at(-1)?.occurredOn;
  if (!meeting) return null;
  const extension = e.records.filter((r) => r.stepCode === 'confirmation_meeting' && r.details.decision === 'extend')
    .reduce((months, r) => months + (r.details.extensionMonths ?? 0), 0);
  const end = addYears(meeting, 1);
  return extension ? addMonths(end, extension) : end;
}

const iso = (d: string | null) => d ?? '';

/** Column weights ≈ mm of text width left after cell padding: an ISO date and a seven-character branch name fit on one line. */
const COLUMNS: Record<RegisterKind, { header: string[]; widths: number[]; cells: (e: RegisterEntry) => string[] }> = {
  activists: {
    header: ['确定为积极分子日期', '培养联系人'],
    widths: [20.8, 20.8],
    cells: (e) => [iso(lastOn(e, 'activist')), current(e, 'mentor')],
  },
  candidates: {
    header: ['确定为发展对象日期', '入党介绍人'],
    widths: [20.8, 20.8],
    cells: (e) => [iso(lastOn(e, 'candidate')), current(e, 'sponsor')],
  },
  probationary: {
    header: ['支部大会通过日期', '预备期满日期'],
    widths: [20.8, 20.8],
    cells: (e) => {
      const end = probationEnd(e);
      const extended = e.records.some((r) => r.stepCode === 'confirmation_meeting' && r.details.decision === 'extend');
      return [iso(lastOn(e, 'admission_meeting')), end ? `${end}${extended ? '(已延长)' : ''}` : ''];
    },
  },
};

/** A register of the people at one stage, A4 portrait, ready to print; an empty one says so. */
export function registerModel(kind: RegisterKind, unitName: string, entries: readonly RegisterEntry[], generatedOn: string, generatedBy: string): DocModel {
  const label = REGISTER_DOCUMENT_LABELS[kind];
  const c = COLUMNS[kind];
  const rows = entries.map((e, i) => [
    String(i + 1), e.recruitment.name, GENDER_LABELS[e.recruitment.gender], e.recruitment.birthDate, e.recruitment.organizationName,
    iso(firstOn(e, 'application')), ...c.cells(e),
  ]);
  const none = kind === 'activists' ? '入党积极分子' : kind === 'candidates' ? '发展对象' : '预备党员';
  return {
    title: `${unitName}${label}`,
    subtitle: `截至${chineseDate(generatedOn)}`,
    blocks: [
      rows.length
        ? table(['序号', '姓名', '性别', '出生日期', '所在支部', '申请入党日期', ...c.header], rows, [7.6, 12, 7.6, 20.8, 28.4, 20.8, ...c.widths],
          { align: ['center', 'center', 'center', 'center', 'left', 'center', 'center', 'left'] })
        : paragraph(`暂无${none}。`, { align: 'center' }),
      paragraph(`共${rows.length}人。`),
      paragraph(`制表人:${generatedBy}　　生成日期:${chineseDate(generatedOn)}`, { align: 'right', small: true }),
    ],
  };
}
