import { MULTI_HOLDER_POSTS, VILLAGE_CADRE_POSTS, type VillageCadrePost } from '@dj/contracts';

/** Does this post take one holder at a time? (Every post but the 委员 of either committee.) */
export const isSingleHolder = (post: VillageCadrePost): boolean => !MULTI_HOLDER_POSTS.includes(post);

/** 一肩挑: the one person holding both the secretary's and the director's post among the holdings given (today's). */
export function combinedHolder<T extends { post: VillageCadrePost; personId: number; name: string }>(holdings: T[]): { personId: number; name: string } | null {
  const secretary = holdings.find((h) => h.post === 'secretary');
  const director = holdings.find((h) => h.post === 'director');
  return secretary && director && secretary.personId === director.personId ? { personId: secretary.personId, name: secretary.name } : null;
}

/** Holdings in the order of the post list, then by start. */
export const byPostOrder = <T extends { post: VillageCadrePost; startedOn: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => VILLAGE_CADRE_POSTS.indexOf(a.post) - VILLAGE_CADRE_POSTS.indexOf(b.post) || a.startedOn.localeCompare(b.startedOn));
