/**
 * Who is paid in a month, from the cadres module's holdings (pure): one payee per village and person, however many
 * posts they hold, so a person is never paid twice in a village.
 * - 一肩挑: the secretary who also holds the 村委会主任 post in the month is paid once, as the secretary, combined.
 * - Any other two posts (a 副书记 who is also a 村委委员, 交叉任职): paid on the post of the higher tier, in PAY_TIERS
 *   order (书记, 主任, 副职, 委员, 专职); the ratios are settings, the order of the posts is not.
 * - Days in post: the paid post's holdings within the month (appointed or left mid-month), at most the month.
 * - 聘用制: the paid post's holding is under the employment rule by the month's end (and the post is one it covers).
 */
import {
  EMPLOYABLE_POSTS, PAY_POST_LABELS, PAY_POST_TIER, PAY_TIERS, daysInMonth, type PayPost, type VillageCadrePost,
} from '@dj/contracts';
import { daysInPostOf } from './pay.js';

export interface Holding {
  organizationId: number; personId: number; name: string; post: VillageCadrePost; startedOn: string; endedOn: string | null; employed: boolean;
}
export interface Payee {
  organizationId: number; personId: number; name: string; post: PayPost; postLabel: string;
  combined: boolean; employed: boolean; daysInPost: number;
}

export const monthBounds = (month: string) => {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
};

const rank = (post: VillageCadrePost) => PAY_TIERS.indexOf(PAY_POST_TIER[post as PayPost]);

function payeeOf(month: string, held: Holding[]): Payee | null {
  const posts = new Set(held.map((h) => h.post));
  const combined = posts.has('secretary') && posts.has('director');
  const post = [...posts].sort((a, b) => rank(a) - rank(b))[0] as PayPost;
  const own = held.filter((h) => h.post === post);
  const { days } = monthBounds(month);
  const daysInPost = Math.min(days, own.reduce((n, h) => n + daysInPostOf(month, h.startedOn, h.endedOn), 0));
  if (daysInPost === 0) return null;
  const employed = (EMPLOYABLE_POSTS as readonly string[]).includes(post) && own.some((h) => h.employed);
  const { organizationId, personId, name } = held[0];
  const postLabel = combined ? `${PAY_POST_LABELS.secretary}(一肩挑)` : PAY_POST_LABELS[post];
  return { organizationId, personId, name, post, postLabel, combined, employed, daysInPost };
}

/** The month's payees of the villages, in the order of the holdings given (village, then first holding). */
export function payeesOf(month: string, holdings: readonly Holding[]): Payee[] {
  const byPerson = new Map<string, Holding[]>();
  for (const h of holdings) {
    const key = `${h.organizationId}-${h.personId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), h]);
  }
  return [...byPerson.values()].map((held) => payeeOf(month, held)).filter((p): p is Payee => p !== null);
}
