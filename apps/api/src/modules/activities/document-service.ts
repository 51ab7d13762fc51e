/**
 * Every document comes from the one record: the minutes, the sign-in sheet, the 灯塔 package and the branch's
 * monthly or yearly ledger (台账) are rendered from what the secretary entered once.
 */
import type { ActivityDetail, ACTIVITY_DOCUMENTS } from '@dj/contracts';
import { REVIEW_STATUS_LABELS, todayInShanghai } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { loadSharp } from '../../lib/photos/native.js';
import { requirePermission, audit, type Caller } from '../../lib/access/index.js';
import { getActivity } from './detail-service.js';
import { minutesDocx, minutesPdf, signInSheetDocx, signInSheetPdf } from './documents/activity-documents.js';
import { dengtaPackage } from './documents/dengta-package.js';
import type { DocActivity, DocPhoto } from './documents/types.js';
import * as evidence from './evidence-repository.js';
import { ACTIVITY_KIND_LABELS } from './rules/activity-kinds.js';

type Doc = (typeof ACTIVITY_DOCUMENTS)[number];
const MIME: Record<'docx' | 'pdf' | 'zip', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', zip: 'application/zip',
};

/** What a document needs of a record: the detail page's view, or the ledger's batch-loaded equivalent. */
export type DocSource = Pick<ActivityDetail,
  'id' | 'organizationName' | 'groupName' | 'kind' | 'countedAs' | 'heldOn' | 'place' | 'topic' | 'host' | 'recorder' | 'lecturer' | 'agenda'
  | 'agendaParts' | 'minutes' | 'resolutions' | 'attendances' | 'expected' | 'guests' | 'checklists' | 'supervisor' | 'reviewStatus' | 'votes' | 'upload'>;

export function asDocActivity(d: DocSource, photos: DocPhoto[]): DocActivity {
  const recorded = new Set(d.attendances.map((a) => a.memberId));
  const saved = d.attendances.length > 0;
  // Once attendance is saved, an expected member with no entry did not come. Before it is saved nobody is known to
  // have been absent: the expected are listed as 未登记, never as a branch-wide 缺席. A 谈心谈话 names its
  // participants and has no one else to miss.
  const missing = d.kind === 'heart_talk' ? [] : d.expected.filter((e) => !recorded.has(e.memberId));
  const unrecorded = d.heldOn <= todayInShanghai() ? missing : [];
  const vote = d.votes.at(-1);
  return {
    id: d.id, branchName: d.organizationName, groupName: d.groupName, kindLabel: ACTIVITY_KIND_LABELS[d.kind],
    countedAsLabels: d.countedAs.map((k) => ACTIVITY_KIND_LABELS[k]), heldOn: d.heldOn, place: d.place, topic: d.topic,
    host: d.host, recorder: d.recorder, lecturer: d.lecturer,
    agenda: [d.agenda, ...d.agendaParts.map((p) => `【${ACTIVITY_KIND_LABELS[p.kind]}】${p.text}`)].filter(Boolean).join('\n') || null,
    minutes: d.minutes, resolutions: d.resolutions,
    attendees: [
      ...d.attendances.map((a) => ({ name: a.name, isMember: true, state: a.state, reason: a.reason, makeupOn: a.makeupOn })),
      ...unrecorded.map((e) => ({ name: e.name, isMember: true, state: saved ? 'absent' as const : 'unrecorded' as const, reason: null, makeupOn: null })),
      ...d.guests.map((g) => ({ name: g.name, isMember: false, state: 'present' as const, reason: g.note, makeupOn: null })),
    ],
    attendanceSaved: saved,
    photos,
    checklist: d.checklists.flatMap((c) => c.items.map((i) => ({ checklist: c.name, label: i.label, done: i.done, evidence: i.evidence }))),
    supervisorName: d.supervisor?.name ?? null,
    reviewStatusLabel: d.supervisor ? REVIEW_STATUS_LABELS[d.reviewStatus] : null,
    vote: vote ? {
      subject: vote.subject, votingMembers: vote.votingMembers, present: vote.presentFull, inFavour: vote.inFavour, against: vote.against,
      abstain: vote.abstain, quorumMet: true, passed: vote.passed,
    } : null,
    upload: d.upload ? { uploadedOn: d.upload.uploadedOn, uploadedBy: d.upload.uploadedBy, reference: d.upload.reference } : null,
  };
}

/** Ledgers print many photos: a 960 px copy keeps a yearly ledger printable and small. */
export async function photosFor(db: Db, ids: number[], maxEdge?: number) {
  const rows = await evidence.photoData(db, ids);
  const out = new Map<number, DocPhoto[]>();
  const sharp = await loadSharp();
  for (const r of rows) {
    const data = maxEdge ? await sharp(r.data).resize(maxEdge, maxEdge, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer() : r.data;
    out.set(r.activityId, [...(out.get(r.activityId) ?? []), { data, capturedAt: r.capturedAt?.toISOString() ?? null, caption: r.filename }]);
  }
  return out;
}

export async function activityDocument(db: Db, { user, ip }: Caller, id: number, doc: Doc) {
  const detail = await getActivity(db, user, id);
  requirePermission(user, 'branch.browse', '党员本人不导出支部活动材料');
  const photos = (await photosFor(db, [id])).get(id) ?? [];
  const a = asDocActivity(detail, photos);
  const base = `${detail.organizationName}-${detail.heldOn}-${ACTIVITY_KIND_LABELS[detail.kind]}`;
  const [name, data] = await (async (): Promise<[string, Buffer]> => {
    switch (doc) {
      case 'minutes.docx': return [`${base}-会议记录.docx`, await minutesDocx(a)];
      case 'minutes.pdf': return [`${base}-会议记录.pdf`, await minutesPdf(a)];
      case 'signin.docx': return [`${base}-签到表.docx`, await signInSheetDocx(a)];
      case 'signin.pdf': return [`${base}-签到表.pdf`, await signInSheetPdf(a)];
      case 'dengta.zip': {
        const { can: _c, ...record } = detail;
        return [`${base}-灯塔上传包.zip`, await dengtaPackage(a, { format: 'dangjian-platform/activity@1', exportedAt: new Date().toISOString(), activity: record })];
      }
    }
  })();
  await audit(db, { user, ip }, { action: 'activity.document', objectType: 'activity', objectId: id, detail: { doc, bytes: data.length } });
  return { filename: name, mime: MIME[doc.split('.').pop() as 'docx' | 'pdf' | 'zip'], data };
}
