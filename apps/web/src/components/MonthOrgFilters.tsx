import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { Organization } from '@dj/contracts';
import { MonthInput } from './MonthInput';
import { filterOrgOptions } from '../lib/org-options';

interface Props {
  month: string;
  /** Latest month that may be chosen (dues are not owed ahead). */
  maxMonth?: string;
  orgId: number | null | undefined;
  orgs: readonly Organization[] | undefined;
  loading: boolean;
  onChange: (change: { month?: string | null; orgId?: number | null }) => void;
  orgLabel?: string;
  orgStyle?: CSSProperties;
}

/** The month and organisation pickers the monthly pages share; the choice lives in the address (useMonthOrgParams). */
export function MonthOrgFilters({ month, maxMonth, orgId, orgs, loading, onChange, orgLabel = '组织', orgStyle }: Props) {
  const options = useMemo(() => filterOrgOptions(orgs ?? []), [orgs]);
  return (
    <>
      <div className="page-month-select" style={{ minWidth: 140 }}>
        <MonthInput aria-label="月份" value={month} max={maxMonth} onChange={(value) => onChange({ month: value })} />
      </div>
      <TreeSelect<number>
        aria-label={orgLabel}
        className="page-org-select"
        style={orgStyle}
        treeData={options}
        value={orgId ?? undefined}
        onChange={(value) => onChange({ orgId: value ?? null })}
        allowClear
        placeholder="全部管辖范围"
        loading={loading}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        notFoundContent="没有可选的组织"
      />
    </>
  );
}
