/**
 * The two example schemes every town starts with (issue 16 point 1). The article says only 在镇机关探索"3+1"激励机制,
 * 村级探索"3+7"激励机制,实行村干部绩效考核制; the mechanisms' content is each town's own and unpublished. These trees
 * are EXAMPLES written for the platform — plausible, clearly labelled "(示例,本镇可改)" — which the town's
 * organisation office edits into its own scheme (a new version) before scoring with it. They use the platform's
 * record measures where one fits, and none of the measures the 减负 rules forbid.
 */
import type { AssessmentIndicator, CreateAssessmentScheme, GradeBand, VillageCadrePost } from '@dj/contracts';

type Leaf = Pick<AssessmentIndicator, 'key' | 'name' | 'weight' | 'scorer' | 'measure' | 'evidence'>;
const leaf = (key: string, name: string, weight: number, scorer: Leaf['scorer'], evidence: string, measure: Leaf['measure'] = null): AssessmentIndicator =>
  ({ key, name, weight, scorer, measure, evidence, children: [] });
const area = (key: string, name: string, children: AssessmentIndicator[]): AssessmentIndicator =>
  ({ key, name, weight: children.reduce((n, c) => n + c.weight, 0), scorer: null, measure: null, evidence: null, children });

/** 优秀/良好/合格/不合格 at 90/80/60/0: the usual 百分制 bands; the town sets its own. */
export const EXAMPLE_BANDS: GradeBand[] = [{ label: '优秀', min: 90 }, { label: '良好', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }];

/** "3+1" for the town's staff: three base duties (90 points) and one incentive area (10) for outstanding results. */
const STAFF_TREE: AssessmentIndicator[] = [
  area('duty', '履职尽责', [
    leaf('duty_post', '岗位职责完成情况', 25, 'town_office', '月度工作清单及完成情况'),
    leaf('duty_assigned', '交办事项办理', 15, 'town_office', '镇党委交办事项台账(按期办结情况)'),
  ]),
  area('party', '党建工作', [
    leaf('party_village', '包村联户工作', 15, 'town_office', '包村工作记录、入户走访记录'),
    leaf('party_life', '参加所在支部组织生活', 15, 'town_office', '所在支部组织生活记录'),
  ]),
  area('conduct', '作风纪律', [
    leaf('conduct_style', '工作作风', 10, 'inspection_team', '联督联查、督查通报'),
    leaf('conduct_integrity', '廉洁自律', 10, 'town_office', '纪委意见、群众反映'),
  ]),
  // The "+1": results beyond the post's duties (招商引资, 上级表彰, 示范创建 …); 奖励绩效 pays for them separately.
  area('excellence', '争先创优(激励项)', [
    leaf('excellence_results', '实绩突出、受到表彰', 10, 'town_office', '表彰文件、上级通报表扬、招商引资等实绩材料'),
  ]),
];

/** "3+7" for village cadres: three base areas (45 points) and seven key-work areas (55). */
const VILLAGE_TREE: AssessmentIndicator[] = [
  area('party', '基层党建', [
    leaf('party_life', '组织生活按期开展', 10, 'measure', '组织生活合规日历(三会一课、主题党日)', 'organization_life_on_time'),
    leaf('party_recruitment', '发展党员按程序按期', 5, 'measure', '发展党员程序记录', 'recruitment_on_time'),
    leaf('party_members', '党员教育管理', 5, 'town_office', '党员管理台账、流动党员联系记录'),
  ]),
  area('affairs', '村务管理', [
    leaf('affairs_disclosure', '三务公开按期', 10, 'measure', '三务公开记录', 'disclosure_on_time'),
    leaf('affairs_procedure', '四议两公开执行', 5, 'supervisor', '四议两公开会议记录'),
  ]),
  area('conduct', '作风纪律', [
    leaf('conduct_duty', '坐班值班', 5, 'supervisor', '坐班值班安排及包村干部抽查记录'),
    leaf('conduct_integrity', '廉洁自律', 5, 'town_office', '纪委意见、群众反映'),
  ]),
  leaf('rectification', '问题整改', 10, 'measure', '联督联查发现问题的整改记录', 'rectification_on_time'),
  // 集体增收 from the economy module's approved years (a yearly figure: in a month or quarter without a year's end nothing is due).
  leaf('income', '集体增收', 10, 'measure', '村集体经济收入台账', 'collective_income_growth'),
  leaf('industry', '产业发展', 8, 'town_office', '一村一品、村企合作项目材料'),
  leaf('environment', '人居环境', 8, 'inspection_team', '联督联查人居环境检查结果'),
  leaf('stability', '平安稳定', 7, 'town_office', '矛盾纠纷排查调处记录'),
  leaf('service', '为民服务', 7, 'villager_appraisal', '村民评议结果'),
  leaf('central_tasks', '镇党委中心工作', 5, 'town_office', '镇党委交办事项完成情况'),
];

/** Every post of the two committees and the village's staff; the 第一书记 is assessed by the sending unit and the town apart. */
const VILLAGE_POSTS: VillageCadrePost[] = [
  'secretary', 'deputy_secretary', 'branch_member', 'director', 'committee_member', 'family_planning', 'bookkeeper', 'women_director',
];

/** The two examples as a scheme's create request, in force from `effectiveFrom`. */
export function exampleSchemes(effectiveFrom: string): CreateAssessmentScheme[] {
  return [
    {
      name: '镇机关"3+1"激励机制考核方案(示例,本镇可改)', audience: 'town_staff', periodKind: 'month', posts: [], effectiveFrom,
      indicators: STAFF_TREE, bands: EXAMPLE_BANDS,
      note: '示例方案:平台按"3+1"激励机制(3项基本职责+1项激励项)拟定的样例,内容未经本镇审定,请按本镇实际修改后使用。',
    },
    {
      name: '村干部"3+7"绩效考核方案(示例,本镇可改)', audience: 'village_cadre', periodKind: 'month', posts: VILLAGE_POSTS, effectiveFrom,
      indicators: VILLAGE_TREE, bands: EXAMPLE_BANDS,
      note: '示例方案:平台按"3+7"激励机制(3项基本职责+7项重点工作)拟定的样例,月度绩效按此评分;内容未经本镇审定,请按本镇实际修改后使用。',
    },
  ];
}
