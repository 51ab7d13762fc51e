import { Tag } from 'antd';
import { MATTER_RATING_LABELS, MATTER_STAGE_LABELS, type MatterRating, type MatterStage, type MatterSummary } from '@dj/contracts';

const STAGE_COLORS: Record<MatterStage, string> = { raised: 'orange', discussed: 'blue', handled: 'cyan', rated: 'default' };
const RATING_COLORS: Record<MatterRating, string> = { satisfied: 'green', basically: 'gold', dissatisfied: 'red' };

export const StageTag = ({ stage }: { stage: MatterStage }) => <Tag color={STAGE_COLORS[stage]}>{MATTER_STAGE_LABELS[stage]}</Tag>;
export const RatingTag = ({ rating }: { rating: MatterRating | null }) => (rating ? <Tag color={RATING_COLORS[rating]}>{MATTER_RATING_LABELS[rating]}</Tag> : null);

/** The deadline as the list shows it: late ones red with the days, escalated ones named so. */
export function DeadlineCell({ m, deadline }: { m: Pick<MatterSummary, 'late' | 'escalated' | 'daysOverdue'>; deadline: string | null }) {
  return (
    <span>
      {deadline ?? '—'}
      {m.late && <Tag color="red" style={{ marginLeft: 4 }}>逾期{m.daysOverdue}天</Tag>}
      {m.escalated && <Tag color="volcano" style={{ marginLeft: 4 }}>已上报镇党委</Tag>}
    </span>
  );
}
