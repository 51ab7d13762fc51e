/**
 * 培训档案 (issue 19 point 6): one person's year of training as A4 PDF, Word and xlsx: the hours by kind against the
 * target and each session attended or missed. The figures are GET /api/education/people/:personId/hours's (the same
 * function makes them, with its 404 outside the scope); the name only, no ID number or phone. Each download is audited.
 */
import { ATTENDEE_STATE_LABELS, STUDY_STATUS_LABELS, TARGET_GROUP_LABELS, TRAINING_KIND_LABELS, TRAINING_KINDS, todayInShanghai, type EducationDocumentFormat, type PersonHours } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { heading, keyValue, paragraph, table, type DocModel } from '../../lib/documents/doc-model.js';
import { safeName } from '../../lib/uploads/index.js';
import { personHours } from './hours-service.js';
import { EDUCATION_MIME, daysOf, renderAs } from './ledger-documents.js';

function recordModel(p: PersonHours, tenantName: string): DocModel {
  const target = p.target === null ? '不适用(非本镇名册党员)' : `${p.target}学时(${p.group ? TARGET_GROUP_LABELS[p.group] : ''})`;
  const kinds = TRAINING_KINDS.filter((k) => p.byKind[k] > 0);
  return {
    title: `${p.name}${p.year}年度培训档案`, subtitle: tenantName,
    blocks: [
      keyValue([['姓名', p.name], ['年度', `${p.year}年`], ['年度要求', target], ['已学学时', `${p.total}学时`], ['状态', p.status ? STUDY_STATUS_LABELS[p.status] : '—']]),
      heading(2, '一、按类别学时'),
      kinds.length
        ? table(['类别', '学时'], [...kinds.map((k) => [TRAINING_KIND_LABELS[k], String(p.byKind[k])]), ['合计', String(p.total)]], [4, 2], { align: ['left', 'right'] })
        : paragraph('本年度尚无计入的学时。'),
      heading(2, '二、参加的培训/学习'),
      p.sessions.length
        ? table(['序号', '日期', '类别', '名称', '出席情况', '计入学时'], p.sessions.map((s, i) => [
          String(i + 1), daysOf(s), TRAINING_KIND_LABELS[s.kind], s.title, ATTENDEE_STATE_LABELS[s.state], String(s.hoursCredited),
        ]), [0.7, 2, 2, 4, 1.2, 1.2], { small: true, align: ['center', 'left', 'left', 'left', 'center', 'right'] })
        : paragraph('本年度无培训/学习记录。'),
      paragraph(`学时是学习记录,不排名,不作考核计分依据。制表日期:${todayInShanghai()}。`, { small: true }),
    ],
  };
}

/** GET /api/education/people/:personId/record.:format. */
export async function personRecordFile(db: Db, caller: Caller, personId: number, year: number, format: EducationDocumentFormat) {
  const hours = await personHours(db, caller.user, personId, year);
  const model = recordModel(hours, caller.user.tenantName);
  const data = await renderAs(model, format, '培训档案');
  await audit(db, caller, { action: 'education.export', objectType: 'person', objectId: personId, detail: { document: 'record', year, format, bytes: data.length } });
  return { filename: `${safeName(model.title)}.${format}`, mime: EDUCATION_MIME[format], data };
}
