import { describe, expect, it } from 'vitest';
import { parseRosterParams, rosterSearch, toListQuery, withChange } from './roster-params';

const parse = (search: string) => parseRosterParams(new URLSearchParams(search));

describe('roster state in the address bar', () => {
  it('applies the defaults to a plain /members', () => {
    expect(parse('')).toEqual({ orgId: undefined, range: 'subtree', q: '', filter: 'all', page: 1, pageSize: 20 });
    expect(rosterSearch(parse(''))).toBe('');
  });

  it('reads back what it wrote', () => {
    const state = { orgId: 3, range: 'children' as const, q: '张', filter: 'probationary' as const, page: 2, pageSize: 50 };
    expect(parse(rosterSearch(state))).toEqual(state);
  });

  it('ignores values the API would refuse', () => {
    expect(parse('orgId=-1&range=all&filter=x&page=0&pageSize=1000&q=%20%20')).toEqual(parse(''));
    expect(parse('pageSize=30').pageSize).toBe(20);
    expect(parse('orgId=3abc').orgId).toBeUndefined();
  });

  it('goes back to page 1 on any change but paging', () => {
    const state = parse('page=3&filter=mobile');
    expect(withChange(state, { page: 4 }).page).toBe(4);
    expect(withChange(state, { q: '1234' })).toMatchObject({ q: '1234', page: 1, filter: 'mobile' });
    expect(withChange(state, { pageSize: 100 })).toMatchObject({ pageSize: 100, page: 1 });
  });

  it('sends an empty search as no search', () => {
    expect(toListQuery(parse('q='), 1)).toEqual({ orgId: 1, range: 'subtree', q: undefined, filter: 'all', page: 1, pageSize: 20 });
  });
});
