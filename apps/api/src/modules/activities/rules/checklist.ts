/**
 * Evidence checklists (五个一, 四定两挂一戴) as town-editable templates, and which of their items a record satisfies.
 * Items are satisfied by what the record already holds (a file of a category, the supervisor, the 灯塔 upload
 * record), so the secretary never ticks a box for something the platform can see; only local items with nothing to
 * point at are confirmed by hand.
 */
import type { ActivityKind, ChecklistStatus, SaveChecklistTemplate } from '@dj/contracts';
import { FILE_CATEGORY_LABELS } from '@dj/contracts';

export interface TemplateDef { id: number; name: string; kinds: string[]; items: SaveChecklistTemplate['items']; active: boolean }
export interface ChecklistFacts {
  files: readonly { id: number; category: string; filename: string }[];
  supervisorName: string | null;
  upload: { uploadedOn: string; reference: string; uploadedBy: string } | null;
  checks: readonly { templateId: number; itemKey: string; note: string | null; by: string }[];
}

const ARTICLE = '西王庄镇做法(齐鲁晚报2020-07-03报道)';

/** The defaults a new town starts with; every item can be edited in 本镇设置. */
export const DEFAULT_TEMPLATES: SaveChecklistTemplate[] = [
  {
    name: '五个一',
    kinds: ['theme_day', 'combined_day'],
    source: `${ARTICLE}: 制定一个活动方案、发放一套学习资料、派出一名科级干部指导督导、调度一张现场纪实照片、上传一次"灯塔—党建在线"`,
    items: [
      { key: 'plan', label: '制定一个活动方案', satisfiedBy: 'plan' },
      { key: 'material', label: '发放一套学习资料', satisfiedBy: 'material' },
      { key: 'supervisor', label: '派出一名科级干部指导督导', satisfiedBy: 'supervisor' },
      { key: 'photo', label: '调度一张现场纪实照片', satisfiedBy: 'photo' },
      { key: 'upload', label: '上传一次"灯塔—党建在线"', satisfiedBy: 'upload' },
    ],
  },
  {
    name: '四定两挂一戴',
    kinds: ['theme_day', 'combined_day'],
    // domain-rules.md: the meaning of 四定两挂一戴 was not found in any public source; these items are a guess to edit.
    source: `${ARTICLE}提出"四定两挂一戴",未见公开文件说明其条目;以下为常见理解,请按本镇要求修改`,
    items: [
      { key: 'fix_time', label: '定时间', satisfiedBy: 'confirm' },
      { key: 'fix_place', label: '定地点', satisfiedBy: 'confirm' },
      { key: 'fix_topic', label: '定主题', satisfiedBy: 'confirm' },
      { key: 'fix_people', label: '定人员', satisfiedBy: 'confirm' },
      { key: 'hang_flag', label: '挂党旗', satisfiedBy: 'confirm' },
      { key: 'hang_banner', label: '挂横幅(标识)', satisfiedBy: 'confirm' },
      { key: 'wear_badge', label: '戴党员徽章', satisfiedBy: 'confirm' },
    ],
  },
];

/** Templates that apply to an activity: active ones listing any kind the activity counts as. */
export function applicableTemplates<T extends TemplateDef>(templates: readonly T[], countedAs: readonly ActivityKind[]): T[] {
  return templates.filter((t) => t.active && t.kinds.some((k) => countedAs.includes(k as ActivityKind)));
}

export function evaluateChecklists(templates: readonly TemplateDef[], countedAs: readonly ActivityKind[], facts: ChecklistFacts): ChecklistStatus[] {
  return applicableTemplates(templates, countedAs).map((t) => ({
    templateId: t.id,
    name: t.name,
    items: t.items.map((item) => {
      const byFile = (category: keyof typeof FILE_CATEGORY_LABELS) => {
        const files = facts.files.filter((f) => f.category === category);
        return { done: files.length > 0, evidence: files.length ? files.map((f) => f.filename).join('、') : null, fileIds: files.map((f) => f.id) };
      };
      const base = { key: item.key, label: item.label, satisfiedBy: item.satisfiedBy };
      switch (item.satisfiedBy) {
        case 'plan': case 'material': case 'photo':
          return { ...base, ...byFile(item.satisfiedBy) };
        case 'supervisor':
          return { ...base, done: facts.supervisorName !== null, evidence: facts.supervisorName, fileIds: [] };
        case 'upload': {
          const u = facts.upload;
          return { ...base, done: u !== null, evidence: u ? `${u.uploadedOn} ${u.uploadedBy} 上传,编号 ${u.reference}` : null, fileIds: [] };
        }
        case 'confirm': {
          const check = facts.checks.find((c) => c.templateId === t.id && c.itemKey === item.key);
          return { ...base, done: !!check, evidence: check ? `${check.by}确认${check.note ? `: ${check.note}` : ''}` : null, fileIds: [] };
        }
      }
    }),
  }));
}
