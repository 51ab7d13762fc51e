import { useEffect, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import { COMMITTEE_POSTS, COMMITTEE_POST_LABELS, type CommitteePost, type CommitteeTerm } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { useBranchRoster, useCommittee, useSaveCommittee } from './api';

interface Row { key: number; memberId: number | null; post: CommitteePost | null; startedOn: string | null; endedOn: string | null }

let nextKey = 0;
const postsText = (posts: CommitteePost[]) => (posts.length ? posts.map((p) => COMMITTEE_POST_LABELS[p]).join('、') : '无');
const rowOf = (t: CommitteeTerm): Row => ({ key: nextKey++, memberId: t.memberId, post: t.post, startedOn: t.startedOn, endedOn: t.endedOn });

/**
 * The 支部委员会 of a branch with each seat's 任职 and 离任 dates (issue 13 point 2). A 支委会 expects the members
 * seated on its date; until a term is recorded it expects those holding a committee post today.
 */
export function CommitteeCard({ branchId }: { branchId: number }) {
  const query = useCommittee(branchId);
  const editable = query.data?.can.edit ?? false;
  const roster = useBranchRoster(branchId, editable);
  const save = useSaveCommittee(branchId);
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => { if (query.data) setRows(query.data.terms.map(rowOf)); }, [query.data]);

  // A plain 党员 does not see the branch's records (404), nor does a role without branch.browse (403): no card then.
  if (isApiError(query.error, 404) || isApiError(query.error, 403)) return null;
  if (query.error) return <Card size="small" title="支部委员会"><LoadError title="支部委员会加载失败" error={query.error} onRetry={() => query.refetch()} /></Card>;
  const names = new Map((query.data?.terms ?? []).map((t) => [t.memberId, t.name]));
  for (const m of roster.data ?? []) names.set(m.id, m.name);
  const change = (key: number, patch: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const complete = rows.every((r) => r.memberId && r.post && r.startedOn);

  const submit = async () => {
    try {
      await save.mutateAsync({ terms: rows.map((r) => ({ memberId: r.memberId!, post: r.post!, startedOn: r.startedOn!, endedOn: r.endedOn })) });
      void message.success('支部委员会任职记录已保存');
    } catch { /* shown below */ }
  };

  return (
    <Card size="small" title="支部委员会" data-testid="branch-committee" loading={query.isPending}>
      <Typography.Paragraph type="secondary">
        支委会按会议当日在任的委员确定应到人数；离任后填写离任日期，不要删除，以免以前的支委会应到人数改变。
        {query.data && !query.data.terms.length && ' 尚未登记任职记录，支委会暂按党员当前的党内职务确定应到。'}
      </Typography.Paragraph>
      {query.data && query.data.mismatches.length > 0 && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon data-testid="committee-mismatches"
          message="党员名册中的党内职务与今天在任的任职记录不一致，请更正其中一处"
          description={query.data.mismatches.map((m) => `${m.name}：名册为${postsText(m.rosterPosts)}，任职记录为${postsText(m.termPosts)}`).join('；')} />
      )}
      <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows} locale={{ emptyText: '尚未登记' }}
        columns={[
          {
            title: '职务', dataIndex: 'post', render: (post: CommitteePost | null, r) => (editable
              ? <Select aria-label="职务" style={{ width: 120 }} value={post} onChange={(v) => change(r.key, { post: v })}
                options={COMMITTEE_POSTS.map((p) => ({ value: p, label: COMMITTEE_POST_LABELS[p] }))} />
              : post && COMMITTEE_POST_LABELS[post]),
          },
          {
            title: '姓名', dataIndex: 'memberId', render: (id: number | null, r) => (editable
              ? <Select aria-label="姓名" showSearch optionFilterProp="label" style={{ width: 140 }} value={id} loading={roster.isPending}
                onChange={(v) => change(r.key, { memberId: v })} options={(roster.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
              : id && names.get(id)),
          },
          {
            title: '任职日期', dataIndex: 'startedOn', render: (d: string | null, r) => (editable
              ? <DateInput aria-label="任职日期" value={d} onChange={(v) => change(r.key, { startedOn: v })} /> : d),
          },
          {
            title: '离任日期', dataIndex: 'endedOn', render: (d: string | null, r) => (editable
              ? <DateInput aria-label="离任日期" placeholder="在任" value={d} min={r.startedOn ?? undefined} onChange={(v) => change(r.key, { endedOn: v })} />
              : d ?? '在任'),
          },
          ...(editable ? [{
            title: '操作', key: 'remove', render: (_: unknown, r: Row) => (
              <Button type="link" danger icon={<DeleteOutlined />} aria-label="删除这条任职记录"
                onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}>删除</Button>),
          }] : []),
        ]}
      />
      {editable && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRows((list) => [...list, { key: nextKey++, memberId: null, post: null, startedOn: null, endedOn: null }])}>
            添加任职记录
          </Button>
          <Button type="primary" loading={save.isPending} disabled={!complete} onClick={() => void submit()}>保存</Button>
          {!complete && <Typography.Text type="secondary">请为每条记录选择职务、姓名和任职日期</Typography.Text>}
        </Space>
      )}
      {save.error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={errorMessage(save.error)} />}
    </Card>
  );
}
