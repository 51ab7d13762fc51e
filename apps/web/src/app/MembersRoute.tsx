import { DuesTab } from '../features/dues/DuesTab';
import { MembersPage } from '../features/members/MembersPage';
import type { MemberDetailTab } from '../features/members/MemberDetailDrawer';
import { FlowsTab } from '../features/mobility/FlowsTab';
import { LettersTab } from '../features/mobility/LettersTab';

/*
 * A member's detail shows three other features' tabs (流动登记, 介绍信, 党费). Features do not import each other
 * (docs/architecture.md, "Boundaries"), so the app layer, which may import any feature, composes them here and
 * hands them to the roster page as data. This was chosen over folding dues and mobility into the members
 * feature: 党费 has its own page (/dues) and the tabs' code stays with the feature that owns its API calls,
 * while the drawer knows only "tabs after 基本信息".
 */
const MEMBER_DETAIL_TABS: readonly MemberDetailTab[] = [
  { key: 'flows', label: '流动登记', render: (member, narrow) => <FlowsTab member={member} narrow={narrow} /> },
  { key: 'letters', label: '介绍信', render: (member, narrow) => <LettersTab member={member} narrow={narrow} /> },
  { key: 'dues', label: '党费', render: (member, narrow) => <DuesTab member={member} narrow={narrow} /> },
];

/** /members/:memberId? — the roster with its detail drawer. */
export function MembersRoute() {
  return <MembersPage detailTabs={MEMBER_DETAIL_TABS} />;
}
