import { describe, expect, it } from 'vitest';
import type { OrganizationHistoryEntry } from '@dj/contracts';
import { changeText, describeChanges, type HistoryLookups } from './history-format';

const lookups: HistoryLookups = {
  organizationName: (id) => ({ 1: '西王庄镇党委', 2: '机关党总支' })[id],
  villageName: (id) => (id === 11 ? '王庄村' : undefined),
};

function entry(partial: Partial<OrganizationHistoryEntry>): OrganizationHistoryEntry {
  return { id: 1, action: 'update', at: '2024-05-01T02:00:00.000Z', userName: '张书记', before: null, after: null, note: null, ...partial };
}

describe('describeChanges', () => {
  it('shows a rename as before → after', () => {
    const changes = describeChanges(entry({ action: 'rename', before: { name: '王庄支部' }, after: { name: '王庄村党支部' } }), lookups);
    expect(changes.map(changeText)).toEqual(['组织名称:王庄支部 → 王庄村党支部']);
  });

  it('names parents and uses the recorded new parent name of a move, hiding paths', () => {
    const changes = describeChanges(
      entry({ action: 'move', before: { parentId: 1, path: '/1/5/' }, after: { parentId: 2, parentName: '机关党总支(旧名)', path: '/1/2/5/' } }),
      lookups,
    );
    expect(changes.map(changeText)).toEqual(['上级组织:西王庄镇党委 → 机关党总支(旧名)']);
  });

  it('lists the values of a creation with labels, in a fixed order, without bookkeeping fields', () => {
    const changes = describeChanges(
      entry({
        action: 'create',
        after: { id: 9, tenantId: 1, path: '/1/9/', villageId: 11, isJoint: false, kind: 'branch', sector: 'village', name: '新村党支部', parentId: 1 },
      }),
      lookups,
    );
    expect(changes.map(changeText)).toEqual([
      '组织名称:新村党支部',
      '上级组织:西王庄镇党委',
      '组织类型:党支部',
      '所属领域:农村',
      '联合党支部:否',
      '对应行政村:王庄村',
    ]);
  });

  it('skips fields whose value did not change and labels status', () => {
    const changes = describeChanges(entry({ action: 'close', before: { status: 'active', name: 'x' }, after: { status: 'closed', name: 'x' } }), lookups);
    expect(changes.map(changeText)).toEqual(['状态:正常 → 已撤销']);
  });

  it('falls back to an id when the organisation is not in the loaded list', () => {
    const changes = describeChanges(entry({ before: { villageId: 99 }, after: { villageId: null } }), lookups);
    expect(changes.map(changeText)).toEqual(['对应行政村:行政村#99 → —']);
  });
});
