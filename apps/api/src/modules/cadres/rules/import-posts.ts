import { VILLAGE_CADRE_POST_LABELS, VILLAGE_CADRE_POSTS, type VillageCadrePost } from '@dj/contracts';

/**
 * A 职务 cell of a 两委 roster → posts. Several posts in one cell (党支部书记、村委会主任; 书记兼主任); 一肩挑 means
 * both. "委员" alone does not say which committee, and a 第一书记 is 选派 by the county, never imported: both are errors.
 */
const ALIASES: Record<Exclude<VillageCadrePost, 'first_secretary'>, readonly string[]> = {
  secretary: ['书记', '支部书记', '村党支部书记', '党总支书记', '村党总支书记'],
  deputy_secretary: ['副书记', '支部副书记', '村党支部副书记'],
  branch_member: ['支委', '支部委员', '支委委员', '村党支部委员'],
  director: ['主任', '村主任', '村委主任', '村委会主任', '村民委员会主任'],
  committee_member: ['村委委员', '村委会委员', '村民委员会委员'],
  family_planning: ['计生专干', '计生主任', '计生员', '计生专职干部'],
  bookkeeper: ['村报账员', '报账会计'],
  women_director: ['妇联主席', '妇代会主任', '村妇联主席'],
};
const LOOKUP = new Map<string, VillageCadrePost[]>([
  ...VILLAGE_CADRE_POSTS.filter((p) => p !== 'first_secretary').map((p) => [VILLAGE_CADRE_POST_LABELS[p], [p]] as [string, VillageCadrePost[]]),
  ...Object.entries(ALIASES).flatMap(([p, names]) => names.map((n) => [n, [p as VillageCadrePost]] as [string, VillageCadrePost[]])),
  ['一肩挑', ['secretary', 'director']], ['书记主任一肩挑', ['secretary', 'director']],
]);
export const IMPORTABLE_POSTS = VILLAGE_CADRE_POSTS.filter((p) => p !== 'first_secretary').map((p) => VILLAGE_CADRE_POST_LABELS[p]).join('、');

export function parsePosts(text: string, header: string): { posts: VillageCadrePost[] } | { error: string } {
  const tokens = text.replace(/[(（]一肩挑[)）]/g, '、一肩挑').split(/[、,，/;；\s]+|兼任?/).map((t) => t.trim()).filter((t) => t && !/^(无|-+|—+)$/.test(t));
  const posts: VillageCadrePost[] = [];
  for (const t of tokens) {
    if (t === '第一书记' || t === '驻村第一书记') return { error: `“${t}”由上级选派,不能导入:请在村干部页面登记“选派”` };
    if (t === '委员') return { error: `“委员”未说明是党支部委员还是村委会委员,${header}请写“党支部委员”或“村委会委员”` };
    const found = LOOKUP.get(t);
    if (!found) return { error: `无法识别“${t}”,${header}应填写:${IMPORTABLE_POSTS}(兼任用顿号分隔)` };
    for (const p of found) if (!posts.includes(p)) posts.push(p);
  }
  return { posts };
}
