import { Alert, Table, Tag, Typography } from 'antd';
import { AWAY_EMPLOYER_KIND_LABELS, type AwayListQuery, type AwayTalent } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useAwayList } from './AwayApi';

/** 应联系: the next contact day, 已逾期 when past (never a score). */
export function DueTag({ t }: { t: AwayTalent }) {
  if (!t.contactDueOn) return <span>—</span>;
  return t.overdue ? <Tag color="red">{t.contactDueOn} 已逾期</Tag> : <span style={{ whiteSpace: 'nowrap' }}>{t.contactDueOn}</span>;
}

function NameCell({ t }: { t: AwayTalent }) {
  return (
    <span>
      <Typography.Link>{t.name}</Typography.Link>
      {t.isMember && <Tag color="red" style={{ marginLeft: 4 }}>党员</Tag>}
      {t.flow && <Tag style={{ marginLeft: 4 }}>流动党员</Tag>}
      {t.handedOn && <Tag color="green" style={{ marginLeft: 4 }}>已移交人才库</Tag>}
    </span>
  );
}

/** People away (or returned) of the villages chosen, overdue first; a row opens the contact-log drawer. */
export function AwayTable({ query, returned, onOpen }: { query: AwayListQuery; returned?: boolean; onOpen: (id: number) => void }) {
  const list = useAwayList(query);
  if (list.error) return <LoadError title="在外人才加载失败" error={list.error} onRetry={() => list.refetch()} />;
  const data = list.data;
  return (
    <>
      {data && !returned && (
        <Alert type={data.counts.overdue ? 'warning' : 'info'} showIcon
          title={`在外${data.counts.away}人(党员${data.counts.partyMembers}人),已回流${data.counts.returned}人;每${data.contactMonths}个月至少联系一次,${data.counts.overdue}人联系已逾期`} />
      )}
      <Table<AwayTalent> size="small" rowKey="id" loading={list.isPending} dataSource={data?.items ?? []} scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: returned ? '暂无回流人员' : '暂无在外人员' }}
        onRow={(t) => ({ onClick: () => onOpen(t.id), style: { cursor: 'pointer' } })}
        columns={returned ? [
          { title: '姓名', key: 'name', render: (_: unknown, t) => <NameCell t={t} /> },
          { title: '村', dataIndex: 'organizationName', render: (n: string) => n.replace(/党支部$/, '') },
          { title: '回流日期', dataIndex: 'returnedOn' },
          { title: '回乡从事', dataIndex: 'returnPurpose' },
          { title: '提供的支持', dataIndex: 'returnSupport', responsive: ['md'], render: (v: string | null) => v ?? '—' },
        ] : [
          { title: '姓名', key: 'name', render: (_: unknown, t) => <NameCell t={t} /> },
          // On a phone: name, place, last contact and due; the village filter above says which village.
          { title: '村', dataIndex: 'organizationName', responsive: ['sm'], render: (n: string) => n.replace(/党支部$/, '') },
          { title: '在外地点', dataIndex: 'place' },
          { title: '从事工作', dataIndex: 'occupation', responsive: ['md'] },
          { title: '单位性质', dataIndex: 'employerKind', responsive: ['lg'], render: (k: AwayTalent['employerKind']) => AWAY_EMPLOYER_KIND_LABELS[k] },
          { title: '最近联系', dataIndex: 'lastContactOn', render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '未联系'}</span> },
          { title: '应联系', key: 'due', render: (_: unknown, t) => <DueTag t={t} /> },
        ]} />
    </>
  );
}
