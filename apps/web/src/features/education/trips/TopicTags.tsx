import { Flex, Tag } from 'antd';
import { TRIP_TOPIC_LABELS, type TripSummary } from '@dj/contracts';

/** The trip's 学习内容 as tags, in the order chosen. */
export function TopicTags({ topics }: { topics: TripSummary['topics'] }) {
  return <Flex gap={4} wrap>{topics.map((k) => <Tag key={k} color="red">{TRIP_TOPIC_LABELS[k]}</Tag>)}</Flex>;
}
