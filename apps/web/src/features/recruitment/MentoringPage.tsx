import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { PIPELINE_PHASE_LABELS, RELATION_KIND_LABELS } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useMe } from '../../lib/session';
import { useMentoring } from './api';
import { PHASE_COLORS } from './labels';
import { PageTitle } from '../../components/PageTitle';

export const MENTORING_EMPTY = '暂无您培养联系的入党积极分子或发展对象';

/** 我培养联系的人: the people this member mentors, sponsors or (as a committee member) keeps in touch with. */
export function MentoringPage() {
  const { data: me } = useMe();
  const list = useMentoring(!!me);

  let body;
  if (!me || list.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (list.isError) body = <LoadError title="培养联系名单加载失败" error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={MENTORING_EMPTY} />;
  else {
    body = (
      <div className="task-items" data-testid="mentoring-list">
        {list.data.map((item) => (
          <div key={`${item.recruitmentId}-${item.kind}`} className="task-item" data-testid={`mentoring-${item.recruitmentId}`}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong className="task-member">{item.name}</Typography.Text>
              <Tag color="red">{RELATION_KIND_LABELS[item.kind]}</Tag>
              {item.phase && <Tag color={PHASE_COLORS[item.phase]}>{PIPELINE_PHASE_LABELS[item.phase]}</Tag>}
            </Flex>
            <Typography.Text type="secondary">{item.organizationName} · {item.since} 起</Typography.Text>
            {item.next && (
              <Typography.Text>
                下一步:{item.next.name}
                {item.next.earliest ? ` · 最早 ${item.next.earliest}` : ''}
                {item.next.dueBy ? ` · 截止 ${item.next.dueBy}` : ''}
              </Typography.Text>
            )}
          </div>
        ))}
      </div>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="mentoring-page">
      <PageTitle>我培养联系的人</PageTitle>
      <Typography.Text type="secondary">培养联系人向入党积极分子介绍党的基本知识,引导端正入党动机,及时向党支部汇报情况(《中国共产党发展党员工作细则》第十条)。</Typography.Text>
      <Card size="small">{body}</Card>
    </Flex>
  );
}
