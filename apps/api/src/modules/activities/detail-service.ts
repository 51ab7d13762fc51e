import { BRANCH_COMMITTEE_POSTS, termCovers, type Activity, type ActivityDetail, type ActivityKind } from '@dj/contracts';
import { acrossScope, type DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { can, isSelfOnly, type AuthUser } from '../../lib/access/index.js';
import * as committee from './committee-repository.js';
import * as evidence from './evidence-repository.js';
import * as repo from './repository.js';
import { expectedAttendees } from './rules/attendance.js';
import { evaluateChecklists } from './rules/checklist.js';
import { QUORUM_SOURCE, quorum } from '../../lib/quorum.js';
import { SAME_PHOTO_MAX_DISTANCE, hammingDistance } from '../../lib/photos/phash.js';
import { appraisalView } from './appraisal-service.js';
import { countedKinds } from './rules/activity-kinds.js';

export type ActivityRow = repo.ActivityRow;

export function toActivity(row: ActivityRow): Activity {
  const kind = row.kind as ActivityKind;
  const countsFor = row.countsFor as ActivityKind[];
  return {
    id: row.id, organizationId: row.organizationId, organizationName: row.organizationName, groupId: row.groupId, groupName: row.groupName,
    kind, countsFor, countedAs: countedKinds(kind, countsFor), heldOn: row.heldOn, place: row.place, topic: row.topic, host: row.host,
    recorder: row.recorder, lecturer: row.lecturer, status: row.status, isDemo: row.isDemo,
    attendance: { present: row.present, excused: row.excused, absent: row.absent },
    reviewStatus: row.reviewStatus, supervisorUserId: row.supervisorUserId,
  };
}

export async function loadActivity(db: DbOrTx, user: AuthUser, id: number): Promise<ActivityRow> {
  const row = await repo.findById(db, user.scope, id);
  if (!row) throw notFound('组织生活记录');
  return row;
}

/** The supervisor of the record, or a town admin, may review; a supervisor sees only branches in their scope anyway. */
export function canReview(user: AuthUser, row: ActivityRow): boolean {
  const path = row.organizationPath;
  return can(user, 'activities.signOffAny', path) || (can(user, 'activities.signOff', path) && row.supervisorUserId === user.id);
}

/** Who is expected: the branch's active members (the group's for a 党小组会), less those registered elsewhere with a 活动证. */
type RosterMember = Awaited<ReturnType<typeof repo.branchMembers>>[number];
type Placed = Pick<ActivityRow, 'organizationId' | 'heldOn' | 'kind' | 'groupId'>;

const sitsOnCommittee = (posts: readonly string[]) => posts.some((p) => (BRANCH_COMMITTEE_POSTS as readonly string[]).includes(p));

/**
 * Who is expected, from a branch roster already loaded: the active members on that date (someone who joined the
 * Party after the meeting was not expected at it), the group's for a 党小组会, the committee for a 支委会, less those
 * registered elsewhere. The committee of a date is the recorded terms covering it (committee_terms); a branch that
 * has recorded none falls back to the members holding a committee post today. A 谈心谈话 has no roster-wide 应到:
 * its participants are the ones named on it (see documentFacts), so none are expected here.
 */
export function expectedFromRoster(roster: readonly RosterMember[], away: ReadonlySet<number>, row: Placed,
  terms: readonly Pick<committee.TermRow, 'memberId' | 'startedOn' | 'endedOn'>[] = []): RosterMember[] {
  const onDate = roster.filter((m) => m.membershipStatus === 'active' && (!m.joinedAt || m.joinedAt <= row.heldOn));
  const kind = row.kind as ActivityKind;
  if (kind === 'group_meeting' && !row.groupId) return [];
  const seated = new Set(terms.filter((t) => termCovers(t, row.heldOn)).map((t) => t.memberId));
  const onCommittee = (m: RosterMember) => (terms.length ? seated.has(m.id) : sitsOnCommittee(m.partyPosts));
  const expected = expectedAttendees(onDate.map((m) => ({
    memberId: m.id, status: 'active' as const, isMobile: away.has(m.id), hostedElsewhere: away.has(m.id), groupId: m.groupId,
    isCommitteeMember: onCommittee(m),
  })), kind, row.groupId);
  const byId = new Map(onDate.map((m) => [m.id, m]));
  return expected.filter((e) => !e.away).map((e) => byId.get(e.memberId)!);
}

/** The roster, 流动党员 absences and committee terms of one branch: everything expectedFromRoster reads. */
async function branchFacts(db: DbOrTx, organizationId: number) {
  const roster = await repo.branchMembers(db, [organizationId]);
  const flows = await repo.outflowsWithCard(db, roster.filter((m) => m.membershipStatus === 'active').map((m) => m.id));
  const terms = await committee.termsOf(db, [organizationId]);
  return { roster, flows, terms };
}

export async function expectedFor(db: DbOrTx, row: Placed) {
  const { roster, flows, terms } = await branchFacts(db, row.organizationId);
  return expectedFromRoster(roster, repo.awayOn(flows, row.heldOn), row, terms);
}

/** Is the member expected at each of a branch's activities? The roster and flows are loaded once for the whole list. */
export async function expectedChecker(db: DbOrTx, organizationId: number) {
  const { roster, flows, terms } = await branchFacts(db, organizationId);
  return (row: Placed, memberId: number) => expectedFromRoster(roster, repo.awayOn(flows, row.heldOn), row, terms).some((m) => m.id === memberId);
}

export async function getActivity(db: DbOrTx, user: AuthUser, id: number): Promise<ActivityDetail> {
  const row = await loadActivity(db, user, id);
  const selfOnly = isSelfOnly(user);
  const own = (r: { personId: number }) => !selfOnly || r.personId === user.personId;
  // One after another: inside a transaction they share one connection, which runs one query at a time anyway.
  const attendanceRows = await repo.listAttendance(db, id);
  const expectedRows = await expectedFor(db, row);
  // A 谈心谈话 expects no one; until its participants are named the form lists the branch to pick them from.
  const listed = row.kind === 'heart_talk' && !attendanceRows.length ? await expectedFor(db, { ...row, kind: 'general_meeting' }) : expectedRows;
  const files = await evidence.listFiles(db, [id]);
  const checks = await evidence.listChecks(db, id);
  const templates = await evidence.listTemplates(db, row.tenantId);
  const reviews = await evidence.listReviews(db, id);
  const responses = await evidence.listResponses(db, id);
  const votes = await evidence.listVotes(db, id);
  const upload = await evidence.findUpload(db, id);
  const base = toActivity(row);
  const uploadFact = upload ? { uploadedOn: upload.uploadedOn, reference: upload.reference, uploadedBy: upload.uploadedBy } : null;
  const checklists = evaluateChecklists(templates, base.countedAs, { files, supervisorName: row.supervisorName, upload: uploadFact, checks });
  // Across villages on purpose (row scope '*'): the same photo reused by another village's record is the reuse to flag;
  // each match says whether it lies inside the scope, and one outside is never named.
  const others = files.some((f) => f.phash) ? await acrossScope(db, () => evidence.otherPhotoHashes(db, user.scope, id)) : [];

  let quorumView: ActivityDetail['quorum'] = null;
  if (base.countedAs.includes('general_meeting')) {
    const standing = new Map(expectedRows.map((m) => [m.id, m.standing]));
    const present = attendanceRows.filter((a) => a.state === 'present');
    const q = quorum({
      fullMembers: expectedRows.filter((m) => m.standing === 'full').length,
      probationaryMembers: expectedRows.filter((m) => m.standing === 'probationary').length,
      presentFull: present.filter((a) => standing.get(a.memberId) === 'full').length,
      presentProbationary: present.filter((a) => standing.get(a.memberId) === 'probationary').length,
    });
    quorumView = {
      fullMembers: q.votingMembers, probationaryMembers: expectedRows.filter((m) => m.standing === 'probationary').length,
      presentFull: q.present, presentProbationary: q.presentTotal - q.present, required: q.required, met: q.met, message: q.message, source: QUORUM_SOURCE,
    };
  }

  return {
    ...base, agenda: row.agenda, minutes: row.minutes, resolutions: row.resolutions,
    attendances: attendanceRows.filter(own).map(({ personId: _, ...a }) => a),
    expected: listed.filter(own).map((m) => ({ memberId: m.id, name: m.name })),
    agendaParts: row.agendaParts as ActivityDetail['agendaParts'],
    guests: selfOnly ? [] : row.guests,
    supervisor: row.supervisorUserId && row.supervisorName ? { userId: row.supervisorUserId, name: row.supervisorName } : null,
    reviewStatus: row.reviewStatus,
    reviews: selfOnly ? [] : reviews.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    responses: responses.filter(own).map(({ personId: _, ...r }) => ({ ...r, respondedAt: r.respondedAt.toISOString() })),
    files: files.map((f) => {
      const reused = f.phash ? others.filter((o) => o.phash && hammingDistance(o.phash, f.phash!) <= SAME_PHOTO_MAX_DISTANCE) : [];
      return {
        id: f.id, category: f.category, filename: f.filename, mime: f.mime, size: f.size, width: f.width, height: f.height,
        capturedAt: f.capturedAt?.toISOString() ?? null, hadLocation: f.hadLocation, uploadedBy: f.uploadedBy, uploadedAt: f.createdAt.toISOString(),
        // Another village's record is named only to those who may see it; others learn that it exists, not whose it is.
        reusedIn: [...new Map(reused.map((o) => [o.activityId, o])).values()].map((o) => o.visible
          ? { activityId: o.activityId, label: `${o.organizationName} ${o.heldOn} ${o.topic}` }
          : { activityId: null, label: '本镇其他支部的一条记录' }),
      };
    }),
    checklists,
    quorum: quorumView,
    votes: votes.map((v) => ({
      id: v.id, subject: v.subject, votingMembers: v.votingMembers, presentFull: v.presentFull, presentProbationary: v.presentProbationary,
      writtenOpinions: v.writtenOpinions, inFavour: v.inFavour, against: v.against, abstain: v.abstain, passed: v.passed, recordedAt: v.recordedAt.toISOString(),
    })),
    upload: upload ? { uploadedOn: upload.uploadedOn, uploadedBy: upload.uploadedBy, reference: upload.reference, recordedAt: upload.recordedAt.toISOString() } : null,
    // Grades are the branch's business: a member sees none of them here.
    appraisal: selfOnly ? null : await appraisalView(db, row, expectedRows),
    can: { edit: can(user, 'activities.record', row.organizationPath), review: canReview(user, row), assignSupervisor: can(user, 'supervision.assign') },
  };
}
