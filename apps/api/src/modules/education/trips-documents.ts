/**
 * The trip's report (issue 19 point 4) as Word and A4 PDF from one model: where and when, who went, what they learnt
 * (each participant's 心得) and what follows (actions, owners, due dates, done or not). The organiser's document:
 * it holds every unit's rows, so only the organiser makes it; each download is audited like the other exports.
 */
import { TRIP_ACTION_STATE_LABELS, TRIP_TOPIC_LABELS, todayInShanghai, tripActionState } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { safeName } from '../../lib/uploads/index.js';
import * as repo from './trips-repository.js';
import { loadTrip } from './trips-service.js';

export type TripReportFormat = 'pdf' | 'docx';
const MIME = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

type Trip = Awaited<ReturnType<typeof loadTrip>>;
type Participant = Awaited<ReturnType<typeof repo.participantsOf>>[number];
type Action = Awaited<ReturnType<typeof repo.actionsOf>>[number];

function takeawayBlocks(participants: Participant[]): Block[] {
  if (!participants.length) return [paragraph('未登记参加人员。')];
  return participants.flatMap((p) => [heading(3, `${p.name}(${p.organizationName}${p.post ? ` ${p.post}` : ''})`), paragraph(p.takeaway ?? '(未填写学习心得)')]);
}

function actionRows(actions: Action[], today: string): string[][] {
  return actions.map((x, i) => {
    const state = tripActionState(x, today);
    return [String(i + 1), x.content, x.ownerName, x.organizationName, x.dueOn, state === 'done' ? `已完成(${x.doneOn})${x.doneNote ? ` ${x.doneNote}` : ''}` : TRIP_ACTION_STATE_LABELS[state]];
  });
}

function modelOf(trip: Trip, participants: Participant[], actions: Action[], tenantName: string): DocModel {
  const today = todayInShanghai();
  return {
    title: `${trip.title}对标学习报告`,
    subtitle: `${tenantName} · ${trip.organizationName}`,
    blocks: [
      keyValue([
        ['学习地点', trip.destination], ['学习时间', `${trip.startsOn}至${trip.endsOn}`], ['组织单位', trip.organizationName],
        ['学习内容', trip.topics.map((k) => TRIP_TOPIC_LABELS[k]).join('、')], ['参加人数', `${participants.length}人`],
      ]),
      ...(trip.note ? [heading(2, '行程安排'), paragraph(trip.note)] : []),
      heading(2, '一、参加人员'),
      participants.length
        ? table(['序号', '姓名', '单位', '职务'], participants.map((p, i) => [String(i + 1), p.name, p.organizationName, p.post ?? '']), [0.8, 2, 4, 2], { align: ['center', 'left', 'left', 'left'] })
        : paragraph('未登记参加人员。'),
      heading(2, '二、学习心得'),
      ...takeawayBlocks(participants),
      heading(2, '三、跟进事项'),
      actions.length
        ? table(['序号', '事项', '责任人', '责任单位', '完成期限', '完成情况'], actionRows(actions, today), [0.8, 5, 1.6, 2.6, 2, 2.2], { small: true, align: ['center', 'left', 'left', 'left', 'center', 'left'] })
        : paragraph('未确定跟进事项。'),
      paragraph(`完成情况截至${today};逾期指过了完成期限仍未登记完成。`, { small: true }),
    ],
  };
}

/** GET /api/education/trips/:id/report.:format: 404 outside the scope, then the organiser's permission. */
export async function tripReportFile(db: Db, caller: Caller, id: number, format: TripReportFormat) {
  const trip = await loadTrip(db, caller.user, id);
  requirePermission(caller.user, 'trips.manage', '对标学习报告由组织单位生成', trip.path);
  const [participants, actions] = await Promise.all([repo.participantsOf(db, caller.user.scope, [id]), repo.actionsOf(db, caller.user.scope, [id])]);
  const model = modelOf(trip, participants, actions, caller.user.tenantName);
  const data = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  await audit(db, caller, { action: 'education.trip.export', objectType: 'education_trip', objectId: id, detail: { format, bytes: data.length } });
  return { filename: `${safeName(model.title)}.${format}`, mime: MIME[format], data };
}
