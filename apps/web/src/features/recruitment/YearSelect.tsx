import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { todayInShanghai } from '@dj/contracts';
import { parseOrgId } from '../../lib/use-month-org-params';

export const thisYear = () => Number(todayInShanghai().slice(0, 4));

/** The year and organisation of the recruitment pages, kept in the address; this year and the whole scope are left out. */
export function useYearOrgParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const current = thisYear();
  const raw = Number(searchParams.get('year'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : current;
  const orgId = parseOrgId(searchParams.get('orgId'));
  const update = (change: { year?: number; orgId?: number | null }) => {
    const next = new URLSearchParams(searchParams);
    if (change.year !== undefined) {
      if (change.year !== current) next.set('year', String(change.year));
      else next.delete('year');
    }
    if (change.orgId !== undefined) {
      if (change.orgId) next.set('orgId', String(change.orgId));
      else next.delete('orgId');
    }
    setSearchParams(next);
  };
  return { year, orgId, update };
}

/** 年度: a few years back and the next one (plans are made ahead). */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const current = thisYear();
  const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);
  if (!years.includes(value)) years.push(value);
  return (
    <Select<number>
      aria-label="年度"
      className="page-month-select"
      value={value}
      onChange={onChange}
      options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
}
