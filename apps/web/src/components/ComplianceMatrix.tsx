// Shared by the 组织生活日历 (features/compliance) and the 驾驶舱 (features/dashboard).
import './compliance-matrix.css';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Compliance } from '@dj/contracts';

type ComplianceBranch = Compliance['branches'][number];
type ComplianceRow = ComplianceBranch['rows'][number];
type ComplianceStatus = ComplianceRow['status'];

/** Worst first: a requirement with one late group is late for the branch. */
const SEVERITY: ComplianceStatus[] = ['late', 'due_soon', 'due', 'awaiting_sign_off', 'done'];

/** The short words of a matrix cell; the full labels are the legend's and the branch detail's. */
export const CELL_LABELS: Record<ComplianceStatus, string> = {
  done: '完成', awaiting_sign_off: '待签认', due: '待完成', due_soon: '将到期', late: '逾期',
};
const CELL_CLASS: Record<ComplianceStatus, string> = {
  done: 'cm-done', awaiting_sign_off: 'cm-signoff', due: 'cm-due', due_soon: 'cm-soon', late: 'cm-late',
};

export interface MatrixCell {
  status: ComplianceStatus;
  done: number;
  expected: number;
  awaitingSignOff: number;
  deadline: string;
}

export interface ComplianceMatrixModel {
  /** One column per requirement, in the order the rules come (党小组会 of several groups is one column). */
  columns: { ruleKey: string; label: string }[];
  rows: { organizationId: number; organizationName: string; cells: Record<string, MatrixCell | undefined> }[];
}

/**
 * The town's month as one branch × requirement grid, built from the compliance answer the server already computed
 * (no activity records in the browser): each cell the requirement's worst status, its counts summed over groups.
 */
export function complianceMatrix(branches: readonly ComplianceBranch[]): ComplianceMatrixModel {
  const columns: ComplianceMatrixModel['columns'] = [];
  for (const b of branches) {
    for (const r of b.rows) if (!columns.some((c) => c.ruleKey === r.ruleKey)) columns.push({ ruleKey: r.ruleKey, label: r.label });
  }
  const rows = branches.map((b) => {
    const cells: Record<string, MatrixCell | undefined> = {};
    for (const r of b.rows) cells[r.ruleKey] = merge(cells[r.ruleKey], r);
    return { organizationId: b.organizationId, organizationName: b.organizationName, cells };
  });
  return { columns, rows };
}

function merge(cell: MatrixCell | undefined, r: ComplianceRow): MatrixCell {
  if (!cell) return { status: r.status, done: r.done, expected: r.expected, awaitingSignOff: r.awaitingSignOff, deadline: r.deadline };
  return {
    status: SEVERITY.indexOf(r.status) < SEVERITY.indexOf(cell.status) ? r.status : cell.status,
    done: cell.done + r.done,
    expected: cell.expected + r.expected,
    awaitingSignOff: cell.awaitingSignOff + r.awaitingSignOff,
    deadline: r.deadline < cell.deadline ? r.deadline : cell.deadline,
  };
}

const detailHref = (orgId: number, period: string) => `/compliance?period=${period}&orgId=${orgId}`;

function Cell({ cell, label }: { cell: MatrixCell | undefined; label: string }) {
  if (!cell) return <td className="cm-none" title={`本月无${label}要求`}>—</td>;
  const waiting = cell.awaitingSignOff > 0 && cell.status !== 'awaiting_sign_off' ? ` · 待签认${cell.awaitingSignOff}` : '';
  return (
    <td className={CELL_CLASS[cell.status]} data-status={cell.status} title={`${label}:${CELL_LABELS[cell.status]},完成${cell.done}/${cell.expected},截止${cell.deadline}${waiting}`}>
      {CELL_LABELS[cell.status]}
      <span className="cm-count">{cell.done}/{cell.expected}</span>
    </td>
  );
}

/** The grid for a laptop screen: a row per branch (its name opens the branch's detail), a column per requirement. */
export function ComplianceMatrix({ model, period }: { model: ComplianceMatrixModel; period: string }) {
  return (
    <div className="compliance-matrix-wrap">
      <Flex gap={4} wrap align="center" style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">图例:</Typography.Text>
        {SEVERITY.slice().reverse().map((s) => (
          <Tag key={s} className={CELL_CLASS[s]}>{CELL_LABELS[s]}</Tag>
        ))}
        <Typography.Text type="secondary">格内为完成/应完成;点支部名称看明细和台账。</Typography.Text>
      </Flex>
      <table className="compliance-matrix" data-testid="compliance-matrix">
        <thead>
          <tr>
            <th scope="col">党支部</th>
            {model.columns.map((c) => <th key={c.ruleKey} scope="col">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.organizationId} data-testid={`matrix-branch-${row.organizationId}`}>
              <th scope="row"><Link to={detailHref(row.organizationId, period)}>{row.organizationName}</Link></th>
              {model.columns.map((c) => <Cell key={c.ruleKey} cell={row.cells[c.ruleKey]} label={c.label} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same month on a phone: a line per branch with what is late or due, its detail one tap away. */
export function ComplianceBranchList({ branches, period }: { branches: readonly ComplianceBranch[]; period: string }) {
  return (
    <div className="task-items" data-testid="compliance-branch-list">
      {branches.map((b) => (
        <div key={b.organizationId} className="task-item" data-testid={`matrix-branch-${b.organizationId}`}>
          <Flex gap={8} justify="space-between" align="baseline" wrap>
            <Link to={detailHref(b.organizationId, period)}>{b.organizationName}</Link>
            <Flex gap={4} wrap>
              {b.summary.late > 0 && <Tag className="cm-late">逾期 {b.summary.late}</Tag>}
              {b.summary.dueSoon > 0 && <Tag className="cm-soon">将到期 {b.summary.dueSoon}</Tag>}
              {b.summary.due > 0 && <Tag className="cm-due">待完成 {b.summary.due}</Tag>}
              {b.summary.awaitingSignOff > 0 && <Tag className="cm-signoff">待签认 {b.summary.awaitingSignOff}</Tag>}
              <Tag className="cm-done">完成 {b.summary.done}/{b.summary.total}</Tag>
            </Flex>
          </Flex>
        </div>
      ))}
    </div>
  );
}
