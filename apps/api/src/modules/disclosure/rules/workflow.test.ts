import { describe, expect, it } from 'vitest';
import { can, decide } from './workflow.js';

describe('提出 → 审核 → 审批 → 公开 (党务公开条例第十五条)', () => {
  it('each step from its status by its roles', () => {
    expect(decide('submit', 'draft', ['branch_secretary'])).toEqual({ ok: true, to: 'submitted' });
    expect(decide('review', 'submitted', ['supervisor'])).toEqual({ ok: true, to: 'reviewed' });
    expect(decide('approve', 'reviewed', ['town_admin'])).toEqual({ ok: true, to: 'approved' });
    expect(decide('publish', 'approved', ['branch_secretary'])).toEqual({ ok: true, to: 'published' });
    expect(decide('return', 'submitted', ['supervisor'])).toEqual({ ok: true, to: 'returned' });
    expect(decide('submit', 'returned', ['town_admin'])).toEqual({ ok: true, to: 'submitted' });
  });

  it('the secretary cannot review or approve; the supervisor cannot approve or return what was reviewed', () => {
    expect(decide('review', 'submitted', ['branch_secretary'])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('approve', 'reviewed', ['supervisor'])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('return', 'reviewed', ['supervisor'])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(can('review', 'submitted', ['inspector'])).toBe(false);
  });

  it('published is immutable; steps out of order are conflicts', () => {
    const edit = decide('edit', 'published', ['town_admin']);
    expect(edit).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(edit.ok ? '' : edit.message).toContain('更正');
    expect(decide('publish', 'reviewed', ['town_admin'])).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decide('correct', 'published', ['branch_secretary']).ok).toBe(true);
  });
});
