import { Tag } from 'antd';

/** A period's end as a tag: ended (red), within the setting cadres.assignmentDueDays (orange), otherwise nothing. */
export const dueTag = (a: { daysLeft: number | null }, dueDays: number) => (a.daysLeft == null ? null : a.daysLeft < 0 ? <Tag color="red">已期满{-a.daysLeft}天</Tag>
  : a.daysLeft <= dueDays ? <Tag color="orange">{a.daysLeft}天后期满</Tag> : null);
