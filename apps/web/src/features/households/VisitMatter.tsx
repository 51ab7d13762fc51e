/** 转为村民说事 on a visit line: the button while the visit's raised matter has no case, the case's stage after. */
import { App, Button, Tag } from 'antd';
import { Link } from 'react-router';
import { MATTER_STAGE_LABELS, type HouseholdVisit } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useVisitToMatter } from './api';

/** `own`: the member's route (我的联户; they do not read the 村民说事 list, so the stage is a tag, not a link). */
export function VisitMatter({ v, own }: { v: HouseholdVisit; own: boolean }) {
  const { message } = App.useApp();
  const convert = useVisitToMatter();
  if (v.matterId !== null && v.matterStage) {
    const tag = <Tag color="blue">村民说事:{MATTER_STAGE_LABELS[v.matterStage]}</Tag>;
    return own ? tag : <Link to={`/matters/${v.matterId}`}>{tag}</Link>;
  }
  if (!v.canRaise) return null;
  return (
    <Button size="small" loading={convert.isPending} data-testid={`visit-matter-${v.id}`}
      onClick={() => convert.mutate({ id: v.householdId, visitId: v.id, own }, {
        onSuccess: () => message.success('已转为村民说事,待村里议事'),
        onError: (e) => message.error(errorMessage(e)),
      })}>转为村民说事</Button>
  );
}
