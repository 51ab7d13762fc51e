import { ActivityPage } from '../features/activities/ActivityPage';
import { MEETING_KINDS, MeetingMattersPanel } from '../features/matters/MeetingMattersPanel';

/*
 * A meeting's page shows the 村民说事 matters raised and discussed at it (三日合一, issue 20 point 4). Features do not
 * import each other, so the app layer hands the matters feature's panel to the activity page as one more section.
 */
export function ActivityRoute() {
  return (
    <ActivityPage extraSections={(detail) => (MEETING_KINDS.includes(detail.kind)
      ? [{ key: 'matters', label: '村民说事', children: <MeetingMattersPanel activityId={detail.id} /> }]
      : [])} />
  );
}
