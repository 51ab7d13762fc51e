import { useState } from 'react';
import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { ASSESSMENT_SCORER_LABELS, addMonths, previewScore, todayInShanghai, type GradeBand, type PreviewLeaf } from '@dj/contracts';
import { MonthInput } from '../../components/MonthInput';
import { errorMessage } from '../../lib/api-client';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useSchemePreviewSources } from './api';
import type { Indicator } from './indicator-tree';

const lastMonth = () => addMonths(todayInShanghai(), -1).slice(0, 7);

/**
 * 预览某村得分: what the chosen village would have scored in a month under the tree being edited, recomputed on every
 * change (previewScore) from the month's entries and record figures, fetched once per village and month. One village at
 * a time, never a table of villages: the preview checks the scheme, it does not rank.
 */
export function SchemePreview({ tree, bands }: { tree: Indicator[]; bands: GradeBand[] }) {
  const orgs = useOrganizationTreeData();
  const villages = (orgs.data ?? []).filter((o) => o.kind === 'branch' && o.villageId !== null && o.status === 'active');
  const [orgId, setOrgId] = useState<number | null>(null);
  const [period, setPeriod] = useState(lastMonth());
  const sources = useSchemePreviewSources(orgId, period);
  const preview = sources.data ? previewScore(tree, bands, sources.data) : null;
  const columns = [
    { title: '指标', key: 'name', render: (_: unknown, l: PreviewLeaf) => <>{l.name}<Typography.Text type="secondary"> (分值{l.weight})</Typography.Text></> },
    { title: '评分主体', key: 'scorer', render: (_: unknown, l: PreviewLeaf) => ASSESSMENT_SCORER_LABELS[l.scorer] },
    { title: '得分', key: 'points', render: (_: unknown, l: PreviewLeaf) => (l.points === null ? <Tag>无</Tag> : `${l.points}分`) },
    { title: '来源', key: 'source', dataIndex: 'source' },
  ];
  return (
    <Card size="small" title="预览某村得分(按正在编辑的指标和等次计算)" data-testid="scheme-preview">
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <Select aria-label="预览村" placeholder="选择一个村" style={{ minWidth: 200 }} loading={orgs.isPending} value={orgId ?? undefined} onChange={setOrgId}
            showSearch optionFilterProp="label" options={villages.map((v) => ({ value: v.id, label: v.name }))} />
          <MonthInput aria-label="预览月份" value={period} max={todayInShanghai().slice(0, 7)} onChange={(v) => v && setPeriod(v)} />
        </Flex>
        {orgId === null && <Empty description="选择一个村和月份,看该村在修改后的方案下的得分" />}
        {sources.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
        {sources.error && <Alert type="error" showIcon title={errorMessage(sources.error)} />}
        {preview && sources.data && (
          <>
            <Flex gap={8} wrap align="center" data-testid="preview-total">
              <Typography.Text strong>{sources.data.organizationName} {sources.data.period}:{preview.score}分</Typography.Text>
              {preview.grade ? <Tag color="blue">{preview.grade}</Tag> : <Tag>未达等次</Tag>}
              {sources.data.periodId === null && <Typography.Text type="secondary">该月未开启考核期,手工评分的指标均无得分</Typography.Text>}
              {preview.unscored > 0 && <Typography.Text type="warning">{preview.unscored}项该月无得分,按0分计</Typography.Text>}
            </Flex>
            <Table<PreviewLeaf> rowKey="key" size="small" pagination={false} columns={columns} dataSource={preview.leaves} scroll={{ x: 'max-content' }} />
          </>
        )}
      </Flex>
    </Card>
  );
}
