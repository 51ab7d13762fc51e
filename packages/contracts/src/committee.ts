import { z } from 'zod';
import { DateSchema, PARTY_POST_LABELS } from './members.js';

/**
 * The 支部委员会 as it stood on each date (issue 13 point 2): who held which seat, from when to when. A 支委会 held
 * on a date expects the members whose term covers that date, so a past meeting is checked against the committee of
 * its day, not today's. 《中国共产党支部工作条例（试行）》第十九条: 书记, 副书记 and 委员 (组织, 宣传, 纪检); a 党小组组长
 * does not sit on the committee by that post.
 */
export const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer'] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];
export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: PARTY_POST_LABELS.secretary, deputy_secretary: PARTY_POST_LABELS.deputy_secretary,
  organization_officer: PARTY_POST_LABELS.organization_officer, publicity_officer: PARTY_POST_LABELS.publicity_officer,
  discipline_officer: PARTY_POST_LABELS.discipline_officer,
};
export const COMMITTEE_MAX_TERMS = 60;

export const CommitteeTermInputSchema = z.object({
  memberId: z.number().int().positive().meta({ label: '党员' }),
  post: z.enum(COMMITTEE_POSTS).meta({ label: '职务' }),
  startedOn: DateSchema.meta({ label: '任职日期' }),
  /** Empty while the term runs. */
  endedOn: DateSchema.nullable().optional().transform((v) => v ?? null).meta({ label: '离任日期' }),
}).strict().refine((t) => t.endedOn === null || t.endedOn >= t.startedOn, { message: '离任日期不能早于任职日期', path: ['endedOn'] });
export type CommitteeTermInput = z.input<typeof CommitteeTermInputSchema>;

const overlaps = (a: { startedOn: string; endedOn: string | null }, b: { startedOn: string; endedOn: string | null }) =>
  a.startedOn <= (b.endedOn ?? '9999-12-31') && b.startedOn <= (a.endedOn ?? '9999-12-31');

/** The whole committee history of one branch, replaced at once. One 书记 at a time; a member holds a seat once at a time. */
export const SaveCommitteeSchema = z.object({
  terms: z.array(CommitteeTermInputSchema).max(COMMITTEE_MAX_TERMS, `任职记录不能超过${COMMITTEE_MAX_TERMS}条`),
}).strict().superRefine(({ terms }, ctx) => {
  terms.forEach((t, i) => terms.slice(0, i).forEach((u) => {
    if (!overlaps(t, u)) return;
    if (t.post === 'secretary' && u.post === 'secretary' && t.memberId !== u.memberId) {
      ctx.addIssue({ code: 'custom', path: ['terms', i, 'startedOn'], message: '同一时间只能有一名支部书记,请检查任职和离任日期' });
    } else if (t.memberId === u.memberId) {
      ctx.addIssue({ code: 'custom', path: ['terms', i, 'startedOn'], message: '同一党员的任职时间重叠,请检查任职和离任日期' });
    }
  }));
});
export type SaveCommittee = z.input<typeof SaveCommitteeSchema>;

export const CommitteeTermSchema = z.object({
  memberId: z.number(), name: z.string(), post: z.enum(COMMITTEE_POSTS), startedOn: z.string(), endedOn: z.string().nullable(),
});
export type CommitteeTerm = z.infer<typeof CommitteeTermSchema>;

export const CommitteeSchema = z.object({
  organizationId: z.number(),
  /** Every recorded term, earliest first. Until one is recorded a 支委会 expects the members holding a committee post today. */
  terms: z.array(CommitteeTermSchema),
  /**
   * Members whose 党内职务 in the roster disagree with the terms running today (only once a term is recorded): the
   * roster says one thing, the committee record another, and the secretary should correct one of them.
   */
  mismatches: z.array(z.object({ memberId: z.number(), name: z.string(), rosterPosts: z.array(z.enum(COMMITTEE_POSTS)), termPosts: z.array(z.enum(COMMITTEE_POSTS)) })),
  /** May the caller record the committee (members.manage at the branch)? */
  can: z.object({ edit: z.boolean() }),
});
export type Committee = z.infer<typeof CommitteeSchema>;

export const CommitteeParamSchema = z.object({ orgId: z.coerce.number().int().positive() });

/** Does a term cover this day? */
export const termCovers = (t: { startedOn: string; endedOn: string | null }, day: string) => t.startedOn <= day && (t.endedOn === null || day <= t.endedOn);
