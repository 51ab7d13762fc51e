/**
 * The 村两委成员名册 and the 干部任免审批表 as document models (pure: the service reads, these lay out). One model
 * renders to Word and PDF (lib/documents), and the roster's rows feed the xlsx too, so the three cannot disagree.
 */
import {
  CADRE_APPROVAL_FORM_TITLE, CADRE_CHANGE_KIND_LABELS, CADRE_ROSTER_TITLE, EDUCATION_LABELS, GENDER_LABELS, VILLAGE_CADRE_POST_LABELS,
  VILLAGE_CADRE_POSTS, type CadreChangeKind, type VillageCadrePost,
} from '@dj/contracts';
import { chineseDate, heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import type { CareerLine, FormPerson, RosterHolding } from './cadre-documents-repository.js';

export const ROSTER_HEADER = ['序号', '姓名', '性别', '出生年月(年龄)', '学历', '政治面貌', '职务', '一肩挑', '届次', '任职时间', '联系电话'];
const ROSTER_WIDTHS = [3, 10, 3, 12, 7, 7, 15, 4, 8.5, 9.5, 12];

/** Whole years from the birth date to today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** 1985-03-02 → 1985.03, as 出生年月 and 简历 dates are written on cadre forms. */
export const yearMonth = (ymd: string) => `${ymd.slice(0, 4)}.${ymd.slice(5, 7)}`;

const education = (code: string | null) => (code ? EDUCATION_LABELS[code as keyof typeof EDUCATION_LABELS] ?? code : '');
const politics = (standing: RosterHolding['standing']) => (standing === 'full' ? '中共党员' : standing === 'probationary' ? '中共预备党员' : '群众');
const postLabel = (post: string) => VILLAGE_CADRE_POST_LABELS[post as VillageCadrePost] ?? post;
const postOrder = (post: string) => VILLAGE_CADRE_POSTS.indexOf(post as VillageCadrePost);

/** One person of one village's roster: every post they hold there today. */
export interface RosterEntry {
  organizationId: number; village: string; name: string; gender: string; birth: string; age: number; education: string;
  politics: string; posts: string; combined: boolean; term: string; startedOn: string; phone: string;
}

/** Holdings (in village order) → one entry per person per village, ordered by the person's first post in the post list. */
export function rosterEntries(holdings: RosterHolding[], today: string): RosterEntry[] {
  const byKey = new Map<string, RosterHolding[]>();
  for (const h of holdings) byKey.set(`${h.organizationId}:${h.personId}`, [...(byKey.get(`${h.organizationId}:${h.personId}`) ?? []), h]);
  const villageOrder = [...new Set(holdings.map((h) => h.organizationId))];
  const groups = [...byKey.values()].map((hs) => [...hs].sort((a, b) => postOrder(a.post) - postOrder(b.post)));
  groups.sort((a, b) => villageOrder.indexOf(a[0].organizationId) - villageOrder.indexOf(b[0].organizationId)
    || postOrder(a[0].post) - postOrder(b[0].post) || a[0].startedOn.localeCompare(b[0].startedOn));
  return groups.map((hs) => {
    const h = hs[0];
    const posts = hs.map((x) => x.post);
    const term = hs.find((x) => x.termStart !== null);
    return {
      organizationId: h.organizationId, village: h.villageName ?? h.organizationName, name: h.name, gender: GENDER_LABELS[h.gender],
      birth: yearMonth(h.birthDate), age: ageOn(h.birthDate, today), education: education(h.education), politics: politics(h.standing),
      posts: posts.map(postLabel).join('、'), combined: posts.includes('secretary') && posts.includes('director'),
      term: term ? `${term.termStart}—${term.termEnd}` : '', startedOn: hs.map((x) => x.startedOn).sort()[0], phone: h.phoneMasked ?? '',
    };
  });
}

export const rosterCells = (e: RosterEntry, i: number): string[] => [
  String(i + 1), e.name, e.gender, `${e.birth}(${e.age}岁)`, e.education || '—', e.politics, e.posts, e.combined ? '是' : '否',
  e.term || '—', e.startedOn.replaceAll('-', '.'), e.phone || '—',
];

/** The roster of one village or of the town: one table per village, each with its own 序号 and totals line. */
export function rosterModel(unitName: string, villages: Array<{ name: string; entries: RosterEntry[] }>, today: string): DocModel {
  const blocks: Block[] = [paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true })];
  for (const v of villages) {
    if (villages.length > 1) blocks.push(heading(2, v.name));
    if (!v.entries.length) {
      blocks.push(paragraph('本村暂无在任的村"两委"成员记录。'));
      continue;
    }
    blocks.push(table(ROSTER_HEADER, v.entries.map(rosterCells), ROSTER_WIDTHS, { small: true }));
    const women = v.entries.filter((e) => e.gender === '女').length;
    const members = v.entries.filter((e) => e.politics !== '群众').length;
    blocks.push(paragraph(`共${v.entries.length}人,其中女性${women}人,中共党员(含预备党员)${members}人${v.entries.some((e) => e.combined) ? ',党支部书记、村委会主任“一肩挑”' : ''}。`, { small: true }));
  }
  blocks.push(paragraph('联系电话已脱敏;完整号码请在系统中按权限查看。', { small: true }));
  return { title: `${unitName}${CADRE_ROSTER_TITLE}`, blocks };
}

/** One 简历 line: 2018.01—2021.01  西花沟村村委会委员(选举任职,辞职离任). Still held: 2021.01—  …(选举任职). */
export function careerText(line: CareerLine): string {
  const where = line.villageName ?? line.organizationName.replace(/党支部$/, '');
  const began = `${CADRE_CHANGE_KIND_LABELS[line.startKind as CadreChangeKind] ?? line.startKind}任职`;
  const ended = line.endKind ? `,${CADRE_CHANGE_KIND_LABELS[line.endKind as CadreChangeKind] ?? line.endKind}离任` : '';
  return `${yearMonth(line.startedOn)}—${line.endedOn ? yearMonth(line.endedOn) : '今'}  ${where}${postLabel(line.post)}(${began}${ended})`;
}

const BLANK = '';
const FAMILY_ROWS = 5;

/**
 * The 干部任免审批表 as towns use it. The platform fills what it holds (name, gender, birth and age, ethnicity, native
 * place, 入党时间, education, posts held, 简历 from the change history); everything else is printed blank for the hand.
 */
export function approvalFormModel(person: FormPerson, career: CareerLine[], unitName: string, today: string): DocModel {
  const current = career.filter((c) => !c.endedOn);
  const currentPosts = current.map((c) => `${c.villageName ?? c.organizationName}${postLabel(c.post)}`).join('、');
  const joined = person.joinedAt ? `${yearMonth(person.joinedAt)}${person.standing === 'probationary' ? '(预备党员)' : ''}` : '非中共党员';
  return {
    title: CADRE_APPROVAL_FORM_TITLE,
    subtitle: `呈报单位:${unitName}`,
    blocks: [
      keyValue([
        ['姓名', person.name], ['性别', GENDER_LABELS[person.gender]],
        ['出生年月(岁)', `${yearMonth(person.birthDate)}(${ageOn(person.birthDate, today)}岁)`], ['民族', person.ethnicity],
        ['籍贯', person.nativePlace ?? BLANK], ['出生地', BLANK], ['入党时间', joined], ['参加工作时间', BLANK], ['健康状况', BLANK],
        ['专业技术职务', BLANK], ['熟悉专业有何专长', BLANK],
      ]),
      table(['学历学位', '教育', '毕业院校系及专业'], [
        ['全日制教育', education(person.education) || BLANK, BLANK],
        ['在职教育', BLANK, BLANK],
      ], [3, 3, 6]),
      keyValue([['现任职务', currentPosts || '无'], ['拟任职务', BLANK], ['拟免职务', BLANK]]),
      heading(3, '简历'),
      ...(career.length ? career.map((c) => paragraph(careerText(c))) : [paragraph('本平台无任职记录。')]),
      paragraph('(以上为本平台登记的村干部任职经历;此前的学习、工作经历请手工补填。)', { small: true }),
      keyValue([['奖惩情况', BLANK], ['年度考核结果', BLANK], ['任免理由', BLANK]]),
      heading(3, '家庭主要成员及重要社会关系'),
      table(['称谓', '姓名', '年龄', '政治面貌', '工作单位及职务'], Array.from({ length: FAMILY_ROWS }, () => [BLANK, BLANK, BLANK, BLANK, BLANK]), [2, 2, 1.5, 2.5, 6], { rowHeight: 20 }),
      keyValue([['呈报单位', `${unitName}\n\n(盖章)    年  月  日`], ['审批机关意见', '\n\n\n(盖章)    年  月  日']]),
      paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true }),
    ],
  };
}
