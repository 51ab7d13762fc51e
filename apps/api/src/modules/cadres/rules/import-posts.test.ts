import { describe, expect, it } from 'vitest';
import { ageOn, careerText } from '../cadre-documents-model.js';
import { parsePosts } from './import-posts.js';

describe('15.8 职务 cells of a 两委 roster', () => {
  it('reads our labels, the usual short names and several posts in one cell', () => {
    expect(parsePosts('党支部书记、村委会主任', '职务')).toEqual({ posts: ['secretary', 'director'] });
    expect(parsePosts('书记兼主任', '现任职务')).toEqual({ posts: ['secretary', 'director'] });
    expect(parsePosts('党支部书记(一肩挑)', '职务')).toEqual({ posts: ['secretary', 'director'] });
    expect(parsePosts('支委/妇联主席', '职务')).toEqual({ posts: ['branch_member', 'women_director'] });
    expect(parsePosts('计生专干', '职务')).toEqual({ posts: ['family_planning'] });
  });
  it('refuses what it cannot place, saying why and what to write', () => {
    expect(parsePosts('村长', '现任职务')).toEqual({ error: expect.stringMatching(/^无法识别“村长”,现任职务应填写:党支部书记、/) });
    expect(parsePosts('委员', '职务')).toEqual({ error: '“委员”未说明是党支部委员还是村委会委员,职务请写“党支部委员”或“村委会委员”' });
    expect(parsePosts('第一书记', '职务')).toEqual({ error: expect.stringContaining('由上级选派,不能导入') });
  });
});

describe('15.8 任免审批表 helpers', () => {
  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('1975-03-02', '2026-03-01')).toBe(50);
    expect(ageOn('1975-03-02', '2026-03-02')).toBe(51);
  });
  it('writes a 简历 line from a holding and the kinds of its changes', () => {
    const line = { organizationId: 1, organizationName: '东村党支部', villageName: '东村', post: 'committee_member', startedOn: '2018-01-20', endedOn: '2020-06-30', startKind: 'election', endKind: 'resignation', endReason: '外出务工' };
    expect(careerText(line)).toBe('2018.01—2020.06  东村村委会委员(选举任职,辞职离任)');
    expect(careerText({ ...line, villageName: null, endedOn: null, endKind: null, startKind: 'assignment', post: 'secretary' })).toBe('2018.01—今  东村党支部书记(选派任职)');
  });
});
