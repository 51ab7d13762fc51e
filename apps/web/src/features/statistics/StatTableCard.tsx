import { Button, Card, Table } from 'antd';
import type { StatTable } from '@dj/contracts';
import type { CellRef } from './api';

type Row = StatTable['rows'][number];

/**
 * One 党内统计 table: a row per branch and 合计, a column per category. A non-zero count of a drillable table is a
 * link to the members behind it; the table scrolls sideways on a phone rather than squeezing its columns.
 */
export function StatTableCard({ table, onOpen }: { table: StatTable; onOpen: (cell: CellRef, title: string) => void }) {
  const figure = (row: Row, column: { key: string; label: string }, n: number) => {
    if (!table.drillable || n === 0) return n;
    const title = `${table.title} · ${row.label} · ${column.label}`;
    return (
      <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${title}:${n}人`} onClick={() => onOpen({ table: table.key, row: row.key, column: column.key }, title)}>
        {n}
      </Button>
    );
  };
  const columns = [
    { title: table.group === 'organizations' ? '类别' : '单位', dataIndex: 'label', key: 'label', fixed: 'left' as const, width: 140 },
    ...table.columns.map((c, i) => ({ title: c.label, key: c.key, align: 'right' as const, width: 84, render: (_: unknown, row: Row) => figure(row, c, row.cells[i]) })),
    ...(table.rows.some((r) => r.total !== null) ? [{ title: '合计', key: '__total', align: 'right' as const, width: 72, render: (_: unknown, row: Row) => row.total }] : []),
  ];
  return (
    <Card size="small" title={table.title} data-testid={`stat-${table.key}`} style={{ marginBottom: 12 }}>
      <Table<Row> size="small" rowKey="key" columns={columns} dataSource={table.rows} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
