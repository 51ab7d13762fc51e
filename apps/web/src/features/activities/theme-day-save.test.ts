import { describe, expect, it } from 'vitest';
import { themeDaySteps } from './theme-day-save';

const draft = (heldOn: string) => ({
  organizationId: 3, fields: { heldOn, place: '村党群服务中心', topic: '主题党日', host: null, recorder: null },
  attendance: [], files: [], checks: {},
});

describe('保存主题党日的步骤', () => {
  it('a record of a held day saves attendance and submits it for sign-off', () => {
    expect(themeDaySteps(draft('2020-01-28')).map((s) => s.title)).toEqual(['保存活动信息', '保存出席情况', '提交督导签认']);
  });
  it('saved ahead of the day it is a plan: no attendance yet and nothing to sign off', () => {
    expect(themeDaySteps(draft('2999-01-28')).map((s) => s.title)).toEqual(['保存活动信息']);
  });
});
