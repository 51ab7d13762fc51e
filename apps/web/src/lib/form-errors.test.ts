import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { fieldErrorsFor, mappedFieldErrorsFor } from './form-errors';

describe('fieldErrorsFor', () => {
  it('maps server field paths onto the fields of the open form and groups them', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION',
      message: '请求参数有误',
      fields: [
        { path: 'name', message: '组织名称至少2个字' },
        { path: 'body.name', message: '名称重复' },
        { path: '/villageId', message: '对应行政村不存在' },
        { path: 'parentId', message: '上级组织已撤销' },
      ],
    });
    expect(fieldErrorsFor(error, ['name', 'villageId'])).toEqual([
      { name: 'name', errors: ['组织名称至少2个字', '名称重复'] },
      { name: 'villageId', errors: ['对应行政村不存在'] },
    ]);
  });

  it('ignores errors that are not API errors', () => {
    expect(fieldErrorsFor(new Error('x'), ['name'])).toEqual([]);
  });
});

describe('mappedFieldErrorsFor', () => {
  it('puts errors under differently named inputs and merges two server fields onto one input', () => {
    const error = new ApiError(400, {
      code: 'VALIDATION',
      message: '请求参数有误',
      fields: [
        { path: 'baseFen', message: '计算党费需要月收入' },
        { path: 'reduction.amountFen', message: '金额过大' },
        { path: 'occurredOn', message: '日期早于入党日期' },
        { path: 'startedOn', message: '日期不能晚于今天' },
        { path: 'unknown', message: '不属于本表单' },
      ],
    });
    expect(mappedFieldErrorsFor(error, { baseFen: 'baseYuan', amountFen: 'reducedYuan', occurredOn: 'startedOn', startedOn: 'startedOn' })).toEqual([
      { name: 'baseYuan', errors: ['计算党费需要月收入'] },
      { name: 'reducedYuan', errors: ['金额过大'] },
      { name: 'startedOn', errors: ['日期早于入党日期', '日期不能晚于今天'] },
    ]);
  });
});
