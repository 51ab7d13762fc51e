import { describe, expect, it } from 'vitest';
import { branchKey, indexBranches } from './branch-names.js';

describe('branch names as rosters write them (issue 13 point 1)', () => {
  it('reduces the usual spellings to the village core', () => {
    for (const name of ['柳湾村党支部', '中共柳湾村支部委员会', '中国共产党柳湾村支部委员会', '柳湾村', '柳湾', ' 柳湾村 党支部 ']) {
      expect(branchKey(name), name).toBe('柳湾');
    }
    expect(branchKey('新华社区党总支')).toBe('新华');
    expect(branchKey('党支部')).toBe('党支部');
  });

  it('finds a branch by full name, village name or with the town in front; unknown and shared cores find none', () => {
    const index = indexBranches([{ name: '柳湾村党支部' }, { name: '石桥村党支部' }, { name: '东山村党支部' }, { name: '东山社区党支部' }]);
    expect(index.find('中共青山镇柳湾村支部委员会')).toEqual({ name: '柳湾村党支部' });
    expect(index.find('石桥')).toEqual({ name: '石桥村党支部' });
    expect(index.find('红旗村党支部')).toBeUndefined();
    expect(index.find('东山村')).toBe('ambiguous');
  });
});
