import { FILE_CATEGORY_LABELS, todayInShanghai } from '@dj/contracts';
import { activityRequests, type ActivityDetail, type AttendanceRecord, type FileCategory } from './api';
import { toRecords, type AttendanceRow } from './AttendanceSection';

export interface ThemeDayFields {
  heldOn: string;
  place: string;
  topic: string;
  host?: string | null;
  recorder?: string | null;
  /** 活动内容 and 决议事项: what the ledger prints under 会议内容 and 会议决议. */
  minutes?: string | null;
  resolutions?: string | null;
  /** The 灯塔 upload, registered on the same form: a 灯塔记录编号 registers it. */
  dengtaReference?: string | null;
  dengtaBy?: string | null;
  dengtaOn?: string | null;
}

/** The 灯塔 fields as the form opens: the registered upload, or today and the 记录人 ready for a 编号. */
export function uploadFields(upload: ActivityDetail['upload'] | null | undefined, recorder: string | null, today = todayInShanghai()) {
  return upload
    ? { dengtaReference: upload.reference, dengtaBy: upload.uploadedBy, dengtaOn: upload.uploadedOn }
    : { dengtaReference: null, dengtaBy: recorder, dengtaOn: today };
}

export interface ThemeDayDraft {
  /** This month's record (a plan or a record) to complete; absent for a new one. */
  existing?: ActivityDetail;
  organizationId: number;
  fields: ThemeDayFields;
  attendance: AttendanceRow[];
  files: { category: FileCategory; file: File }[];
  /** Wanted state of 'confirm' items, keyed `${templateId}:${itemKey}`. */
  checks: Record<string, boolean>;
}

export interface SaveStep {
  title: string;
  run: (detail: ActivityDetail | undefined) => Promise<ActivityDetail | undefined>;
}

const blank = (v?: string | null) => (v && v.trim() ? v.trim() : null);
export const checkKey = (templateId: number, itemKey: string) => `${templateId}:${itemKey}`;

/** The roster as the user marked it, completed with anyone the server expects that the form did not list. */
export function attendanceFor(detail: ActivityDetail, rows: AttendanceRow[]): AttendanceRecord[] {
  if (detail.expected.length === 0) return toRecords(rows);
  const byId = new Map(rows.map((r) => [r.memberId, r]));
  return toRecords(
    detail.expected.map((e) => byId.get(e.memberId) ?? { memberId: e.memberId, name: e.name, state: 'present', reason: null, makeupOn: null }),
  );
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('活动尚未保存,无法继续');
  return value;
}

/**
 * The steps of "保存并提交督导签认", in order: the record itself, attendance, each chosen file, the hand-checked
 * items that changed, and the submission (only when a supervisor is assigned and it is not already submitted).
 */
export function themeDaySteps(draft: ThemeDayDraft): SaveStep[] {
  const body = {
    heldOn: draft.fields.heldOn,
    place: draft.fields.place.trim(),
    topic: draft.fields.topic.trim(),
    host: blank(draft.fields.host),
    recorder: blank(draft.fields.recorder),
    minutes: blank(draft.fields.minutes),
    resolutions: blank(draft.fields.resolutions),
  };
  const steps: SaveStep[] = [
    {
      title: '保存活动信息',
      run: () =>
        draft.existing
          ? activityRequests.update(draft.existing.id, body)
          : activityRequests.create({ organizationId: draft.organizationId, kind: 'theme_day', ...body }),
    },
  ];
  // Saved ahead of the day it is a plan: nobody has attended yet and there is nothing to sign off.
  const planned = draft.fields.heldOn > todayInShanghai();
  if (!planned) steps.push({ title: '保存出席情况', run: (d) => activityRequests.attendance(need(d).id, attendanceFor(need(d), draft.attendance)) });
  draft.files.forEach(({ category, file }, index) => {
    steps.push({
      title: `上传${FILE_CATEGORY_LABELS[category]}(${index + 1}/${draft.files.length})`,
      run: (d) => activityRequests.upload(need(d).id, category, file),
    });
  });
  if (Object.keys(draft.checks).length > 0) {
    steps.push({
      title: '确认检查清单',
      run: async (d) => {
        let current = need(d);
        for (const checklist of current.checklists) {
          for (const item of checklist.items) {
            const wanted = draft.checks[checkKey(checklist.templateId, item.key)];
            if (item.satisfiedBy !== 'confirm' || wanted === undefined || wanted === item.done) continue;
            current = await activityRequests.check(current.id, { templateId: checklist.templateId, itemKey: item.key, done: wanted });
          }
        }
        return current;
      },
    });
  }
  if (planned) return steps;
  const reference = blank(draft.fields.dengtaReference);
  const upload = reference && {
    uploadedOn: draft.fields.dengtaOn || todayInShanghai(), uploadedBy: blank(draft.fields.dengtaBy) ?? blank(draft.fields.recorder) ?? '', reference,
  };
  const registered = draft.existing?.upload;
  if (upload && !(registered && registered.reference === upload.reference && registered.uploadedBy === upload.uploadedBy
    && registered.uploadedOn === upload.uploadedOn)) {
    steps.push({ title: '登记灯塔上传', run: (d) => activityRequests.dengta(need(d).id, upload) });
  }
  steps.push({
    title: '提交督导签认',
    run: async (d) => {
      const current = need(d);
      if (!current.supervisor || current.reviewStatus === 'submitted' || current.reviewStatus === 'signed_off') return current;
      return activityRequests.review(current.id, { action: 'submit' });
    },
  });
  return steps;
}

/** Runs the steps one after another, stopping at the first error (thrown with the step that failed). */
export async function runSteps(
  steps: SaveStep[],
  start: ActivityDetail | undefined,
  onStep: (index: number) => void,
): Promise<ActivityDetail | undefined> {
  let detail = start;
  for (let i = 0; i < steps.length; i += 1) {
    onStep(i);
    try {
      detail = await steps[i].run(detail);
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { stepIndex: i, detail });
    }
  }
  return detail;
}
