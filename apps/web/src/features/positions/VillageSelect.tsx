import { useMemo } from 'react';
import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import type { Organization } from '@dj/contracts';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useOrganizationTreeData } from '../../lib/organizations';

/** Village party branches in sight: the rosters, lists and procedures are kept per village. */
export function villageBranches(items: readonly Organization[]): Organization[] {
  return items
    .filter((org) => org.kind === 'branch' && org.status === 'active' && org.sector === 'village')
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The chosen village branch, kept in the address (?orgId=); the first one in sight by default. */
export function useVillageParam() {
  const [searchParams, setSearchParams] = useSearchParams();
  const orgs = useOrganizationTreeData();
  const villages = useMemo(() => villageBranches(orgs.data ?? []), [orgs.data]);
  const requested = parseOrgId(searchParams.get('orgId'));
  const orgId = requested && villages.some((v) => v.id === requested) ? requested : villages[0]?.id;
  const setOrgId = (id: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('orgId', String(id));
    setSearchParams(next, { replace: true });
  };
  return { orgId, villages, loading: orgs.isPending, error: orgs.error, retry: () => orgs.refetch(), setOrgId };
}

interface Props {
  value: number | undefined;
  villages: readonly Organization[];
  loading: boolean;
  onChange: (id: number) => void;
}

export function VillageSelect({ value, villages, loading, onChange }: Props) {
  const options = villages.map((v) => ({ value: v.id, label: v.name }));
  return (
    <Select<number>
      aria-label="村党支部"
      className="page-org-select"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择村党支部"
      notFoundContent="没有可选的村党支部"
    />
  );
}
