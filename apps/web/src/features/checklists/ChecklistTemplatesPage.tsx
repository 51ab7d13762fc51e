import { Flex, Typography } from 'antd';
import { useMe } from '../../lib/session';
import { canEditSettings } from '../../lib/roles';
import { ChecklistTemplatesPanel } from './ChecklistTemplatesPanel';
import { PageTitle } from '../../components/PageTitle';

/** /settings/checklists: the town admin edits; everyone else reads the same lists. */
export function ChecklistTemplatesPage() {
  const { data: me } = useMe();
  const editable = canEditSettings(me);
  return (
    <Flex vertical gap={12} className="checklists-page">
      <div>
        <PageTitle>
          检查清单
        </PageTitle>
        <Typography.Text type="secondary">
          {editable ? '本镇使用的组织生活检查清单,由镇党委管理员维护。' : '本镇使用的组织生活检查清单(只读,由镇党委管理员维护)。'}
        </Typography.Text>
      </div>
      <ChecklistTemplatesPanel editable={editable} />
    </Flex>
  );
}
