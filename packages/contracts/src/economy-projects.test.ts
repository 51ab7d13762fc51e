import { describe, expect, it } from 'vitest';
import { projectDateProblem } from './economy-projects.js';

const base = { approvedOn: '2024-03-01', startedOn: null, acceptedOn: null, operatingOn: null };
const TODAY = '2026-12-07';

describe('村级项目 stages and their dates (issue 18 point 5)', () => {
  it('accepts each stage with its own and every earlier date, in order', () => {
    expect(projectDateProblem({ stage: 'approved', ...base }, TODAY)).toBeNull();
    expect(projectDateProblem({ stage: 'operating', approvedOn: '2024-03-01', startedOn: '2024-03-01', acceptedOn: '2024-10-01', operatingOn: '2025-01-01' }, TODAY)).toBeNull();
  });

  it('names the missing, the premature, the out-of-order and the future date', () => {
    expect(projectDateProblem({ stage: 'building', ...base }, TODAY)).toEqual({ field: 'startedOn', message: '进度为“建设中”时请填写开工日期' });
    expect(projectDateProblem({ stage: 'building', ...base, startedOn: '2024-05-01', acceptedOn: '2024-06-01' }, TODAY)?.field).toBe('acceptedOn');
    expect(projectDateProblem({ stage: 'accepted', ...base, startedOn: '2024-05-01', acceptedOn: '2024-04-01' }, TODAY)?.message).toBe('验收日期不能早于开工日期(2024-05-01)');
    expect(projectDateProblem({ stage: 'approved', ...base, approvedOn: '2026-12-08' }, TODAY)?.message).toBe('立项日期不能晚于今天');
  });
});
