import { Flex, Typography } from 'antd';
import { useMe } from '../../lib/session';
import { canEditSettings } from '../../lib/roles';
import { ChecklistTemplatesPanel } from './ChecklistTemplatesPanel';

/** /settings/checklists: the town admin edits; everyone else reads the same lists. */
export function ChecklistTemplatesPage() {
  const { data: me } = useMe();
  const editable = canEditSettings(me);
  return (
    <Flex vertical gap={12} className="checklists-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          检查清单
        </Typography.Title>
        <Typography.Text type="secondary">
          {editable ? '本镇使用的组织生活检查清单,由镇党委管理员维护。' : '本镇使用的组织生活检查清单(只读,由镇党委管理员维护)。'}
        </Typography.Text>
      </div>
      <ChecklistTemplatesPanel editable={editable} />
    </Flex>
  );
}
