import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_LIMITS, CreateAssessmentSchemeSchema, FORBIDDEN_MEASURE_REASON, NewAssessmentVersionSchema, forbiddenWordsIn, measureAudienceProblem, postsProblem,
  type NewAssessmentVersion,
} from './index.js';

/** Issue 16 points 1 and 2: the scheme's own rules, pure (the API and the editor apply the same). */
type Node = { key: string; name: string; weight: number; scorer?: string | null; measure?: string | null; evidence?: string | null; children?: Node[] };
const leaf = (key: string, weight: number, over: Partial<Node> = {}): Node => ({ key, name: `指标${key}`, weight, scorer: 'town_office', ...over });
const version = (indicators: Node[], over: Partial<NewAssessmentVersion> = {}) =>
  ({ effectiveFrom: '2030-01', indicators, bands: [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }], ...over }) as NewAssessmentVersion;
const messages = (input: NewAssessmentVersion) => {
  const r = NewAssessmentVersionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('16.1 scheme content', () => {
  it('16.1 accepts a three-level tree whose siblings add up to their parent and the top level to 100', () => {
    const tree = [{ key: 'a', name: '一级', weight: 70, children: [{ key: 'b', name: '二级', weight: 70, children: [leaf('c', 30), leaf('d', 40)] }] }, leaf('e', 30)];
    expect(messages(version(tree))).toEqual([]);
  });

  it('16.1 names the level whose weights do not add up, with the sum found', () => {
    expect(messages(version([leaf('a', 50), leaf('b', 49)]))).toEqual(['indicators.weight: 一级指标分值合计应为100,现为99']);
    const tree = [{ key: 'p', name: '基层党建', weight: 100, children: [leaf('c', 60), leaf('d', 60)] }];
    expect(messages(version(tree))).toEqual(['indicators.0.children.weight: 指标“基层党建”的下级指标分值合计应为100,现为120']);
  });

  it(`16.1 refuses a fourth level and more than ${ASSESSMENT_LIMITS.indicators} indicators`, () => {
    const deep = [{ key: 'a', name: '一级', weight: 100, children: [{ key: 'b', name: '二级', weight: 100, children: [{ ...leaf('c', 100), children: [leaf('d', 100)] }] }] }];
    expect(messages(version(deep)).join()).toContain('指标最多3级');
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, name: `指标${i}`, weight: 2, children: [leaf(`x${i}`, 2)] }));
    expect(messages(version(many))).toContain(`indicators: 考核指标最多${ASSESSMENT_LIMITS.indicators}项(含各级),现为100项`);
  });

  it('16.1 a leaf has a scorer, a parent none; a measure goes with scorer measure and must be available', () => {
    expect(messages(version([leaf('a', 100, { scorer: null })]))).toEqual(['indicators.0.scorer: 指标“指标a”没有下级指标,请选择评分主体']);
    expect(messages(version([{ key: 'p', name: '父级', weight: 100, scorer: 'supervisor', children: [leaf('c', 100)] }])).join()).toContain('不另设评分主体');
    expect(messages(version([leaf('a', 100, { scorer: 'measure' })])).join()).toContain('请选择记录指标');
    expect(messages(version([leaf('a', 100, { measure: 'disclosure_on_time' })])).join()).toContain('不能选择记录指标');
    expect(messages(version([leaf('a', 100, { scorer: 'measure', measure: 'matters_resolved' })])).join()).toContain('村民说事模块上线后');
    expect(messages(version([leaf('a', 100, { scorer: 'measure', measure: 'disclosure_on_time' })]))).toEqual([]);
  });

  it('16.1 bands: minimums strictly descending within 0-100, labels distinct', () => {
    expect(messages(version([leaf('a', 100)], { bands: [{ label: '优秀', min: 90 }, { label: '合格', min: 95 }] }))).toEqual(['bands.1.min: 等次“合格”的最低分应低于“优秀”的90分']);
    expect(messages(version([leaf('a', 100)], { bands: [{ label: '优秀', min: 90 }, { label: '优秀', min: 60 }] }))).toEqual(['bands.1.label: 等次名称“优秀”重复']);
    expect(messages(version([leaf('a', 100)], { bands: [{ label: '优秀', min: 101 }] })).join()).toContain('等次最低分不能大于100');
  });

  it('16.1 posts: at least one for village cadres, none for the town staff, no repeats', () => {
    expect(postsProblem('village_cadre', [])).toContain('请至少选择一个适用职务');
    expect(postsProblem('town_staff', ['secretary'])).toContain('不选择村干部职务');
    const measured = [{ name: '考核', scorer: null, children: [{ name: '组织生活', scorer: 'measure' as const, children: [] }] }];
    expect(measureAudienceProblem('town_staff', measured)).toContain('指标“组织生活”:平台记录按村党组织计算');
    expect(measureAudienceProblem('village_cadre', measured)).toBeNull();
    expect(measureAudienceProblem('town_staff', [{ name: '履职', scorer: 'town_office', children: [] }])).toBeNull();
    expect(postsProblem('village_cadre', ['secretary'])).toBeNull();
    expect(messages(version([leaf('a', 100)], { posts: ['secretary', 'secretary'] }))).toEqual(['posts: 适用职务不能重复']);
    const scheme = { name: '测试方案', audience: 'village_cadre', periodKind: 'month', ...version([leaf('a', 100)]) } as const;
    expect(CreateAssessmentSchemeSchema.safeParse(scheme).error?.issues[0].message).toBe('村干部考核方案请至少选择一个适用职务');
  });
});

describe('16.2 forbidden measures (2024 整治形式主义为基层减负若干规定; 2026 政务应用程序规定)', () => {
  it('16.2 finds online time, log-ins, check-ins, study minutes and points rankings, not a meeting\'s 签到表 or training 学时', () => {
    expect(forbiddenWordsIn('学习强国积分排名')).toEqual(['积分', '排名']);
    expect(forbiddenWordsIn('每日打卡')).toEqual(['打卡']);
    expect(forbiddenWordsIn('会议签到表、培训学时')).toEqual([]);
    expect(forbiddenWordsIn(null)).toEqual([]);
  });

  it('16.2 refuses such an indicator by its name or its evidence, naming it and giving the reason', () => {
    expect(messages(version([leaf('a', 100, { name: '在线时长' })]))).toEqual([`indicators.0.name: 指标“在线时长”含有“在线时长”:${FORBIDDEN_MEASURE_REASON}`]);
    expect(messages(version([leaf('a', 100, { name: '日常履职', evidence: '平台登录次数统计' })]))).toEqual([`indicators.0.evidence: 指标“日常履职”含有“登录次数”:${FORBIDDEN_MEASURE_REASON}`]);
  });
});
