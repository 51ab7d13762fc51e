import { describe, expect, it } from 'vitest';
import { themeDaySteps, uploadFields } from './theme-day-save';

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

describe('13.7 the 灯塔 upload on the same form', () => {
  it('a 灯塔记录编号 registers the upload before the submission; without one nothing is registered', () => {
    const withRef = { ...draft('2020-01-28'), fields: { ...draft('2020-01-28').fields, recorder: '李会计', dengtaReference: 'DT-1', dengtaBy: null, dengtaOn: '2020-01-29' } };
    expect(themeDaySteps(withRef).map((s) => s.title)).toEqual(['保存活动信息', '保存出席情况', '登记灯塔上传', '提交督导签认']);
  });
  it('opens with today and the 记录人, or with what was registered', () => {
    expect(uploadFields(null, '李会计', '2026-07-05')).toEqual({ dengtaReference: null, dengtaBy: '李会计', dengtaOn: '2026-07-05' });
    expect(uploadFields({ uploadedOn: '2026-07-01', uploadedBy: '王', reference: 'R', recordedAt: 'x' }, '李会计')).toEqual({ dengtaReference: 'R', dengtaBy: '王', dengtaOn: '2026-07-01' });
  });
});
