import { Empty, Flex, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { ACTIVITY_KIND_LABELS, MATTER_CATEGORY_LABELS, type ActivityKind, type MatterSummary } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { isApiError } from '../../lib/api-client';
import { useMeetingMatters } from './api';
import { StageTag } from './labels';
import { SectionTitle } from '../../components/PageTitle';

/** The meetings at which villagers' matters are raised or discussed (issue 20 point 4: 三日合一 and its two days). */
export const MEETING_KINDS: readonly string[] = ['combined_day', 'villager_say_day', 'deliberation_day'];

function Matters({ title, items }: { title: string; items: MatterSummary[] }) {
  return (
    <div>
      <SectionTitle>{title}({items.length})</SectionTitle>
      <List size="small" dataSource={items} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有" /> }}
        renderItem={(m) => (
          <List.Item>
            <Flex gap={8} wrap align="center">
              <Link to={`/matters/${m.id}`}>{m.title}</Link>
              <Typography.Text type="secondary">{MATTER_CATEGORY_LABELS[m.category]} · {m.raisedOn}</Typography.Text>
              <StageTag stage={m.stage} />
            </Flex>
          </List.Item>
        )} />
    </div>
  );
}

/**
 * 三日合一 on the meeting's page: the day's agendas (主题党日, 党群议事日, 村民说事日) and the matters raised and
 * discussed at it, each linked to its case. Someone who may not read the village's matters sees nothing here.
 */
export function MeetingMattersPanel({ activityId }: { activityId: number }) {
  const query = useMeetingMatters(activityId);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.isError) {
    if (isApiError(query.error, 403) || isApiError(query.error, 404)) return <Typography.Text type="secondary">无权查看本村的村民说事。</Typography.Text>;
    return <LoadError title="村民说事加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const { activity, raised, discussed } = query.data;
  return (
    <Flex vertical gap={12} data-testid="meeting-matters">
      {activity.parts.length > 0 && (
        <div>
          <SectionTitle>当天议程</SectionTitle>
          <List size="small" dataSource={activity.parts} renderItem={(p) => (
            <List.Item><Typography.Text strong>{ACTIVITY_KIND_LABELS[p.kind as ActivityKind] ?? p.kind}</Typography.Text>:{p.text}</List.Item>
          )} />
        </div>
      )}
      <Matters title="当天说事" items={raised} />
      <Matters title="当天议事" items={discussed} />
    </Flex>
  );
}
