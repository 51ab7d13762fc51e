import { useState } from 'react';
import { Drawer, Table } from 'antd';
import { LoadError } from '../../components/LoadError';
import { formatDate } from '../../lib/dates';
import { useCellMembers, type CellRef } from './api';

/** The members behind one cell: name, branch and, for a change of the year, its date. No ID numbers, no phones. */
export function CellMembersDrawer({ asOf, cell, title, onClose }: { asOf: string; cell: CellRef | null; title: string; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const members = useCellMembers(asOf, cell, page);
  const dated = members.data?.items.some((m) => m.occurredOn !== null) ?? false;
  return (
    <Drawer open={cell !== null} onClose={() => { setPage(1); onClose(); }} title={title} size="min(640px, 100vw)" destroyOnHidden>
      {members.isError ? <LoadError title="名单加载失败" error={members.error} onRetry={() => members.refetch()} /> : (
        <Table
          size="small"
          rowKey={(m) => `${m.memberId}-${m.occurredOn ?? ''}`}
          loading={members.isLoading}
          dataSource={members.data?.items ?? []}
          locale={{ emptyText: '没有人员' }}
          columns={[
            { title: '姓名', dataIndex: 'name', key: 'name' },
            { title: '所在党支部', dataIndex: 'organizationName', key: 'org' },
            ...(dated ? [{ title: '日期', dataIndex: 'occurredOn', key: 'on', render: (v: string | null) => formatDate(v) }] : []),
          ]}
          pagination={{ current: page, pageSize: 20, total: members.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Drawer>
  );
}
