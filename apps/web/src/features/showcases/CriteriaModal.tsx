import { useEffect, useState } from 'react';
import { App, Button, Flex, Input, Modal, Spin, Typography } from 'antd';
import { CriterionInputSchema, SHOWCASE_LIMITS } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { textPropsOf } from '../../lib/contract-rules';
import { useCriteria, useSaveCriteria } from './api';

type Row = { id?: number; name: string; description: string };

/** The town's criteria for a showcase: rows renamed in place, new rows added, rows removed are retired (past evaluations keep them). */
export function CriteriaModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const criteria = useCriteria();
  const save = useSaveCriteria();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (open && criteria.data) setRows(criteria.data.items.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, description: c.description ?? '' })));
  }, [open, criteria.data]);
  const canEdit = criteria.data?.canEdit ?? false;
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = () => save.mutate({ items: rows.map((r) => ({ id: r.id, name: r.name, description: r.description || null })) }, {
    onSuccess: () => { message.success('已保存'); onClose(); }, onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal title="示范点创建标准" open={open} onCancel={onClose} width={640} cancelText="关闭" okText="保存" onOk={submit}
      okButtonProps={{ disabled: !canEdit, loading: save.isPending }}>
      {criteria.isLoading ? <Spin /> : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">逐条评估,不打分、不排名。删去的标准不再评估,以往评估仍保留原名。</Typography.Text>
          {rows.map((r, i) => (
            <Flex key={r.id ?? `new${i}`} gap={6} wrap>
              <Input aria-label={`第${i + 1}条标准`} value={r.name} disabled={!canEdit} onChange={(e) => set(i, { name: e.target.value })} style={{ flex: '1 1 160px' }}
                {...textPropsOf(CriterionInputSchema, 'name')} />
              <Input aria-label={`第${i + 1}条说明`} value={r.description} disabled={!canEdit} placeholder="说明(选填)" onChange={(e) => set(i, { description: e.target.value })}
                style={{ flex: '2 1 220px' }} {...textPropsOf(CriterionInputSchema, 'description')} />
              {canEdit && <Button danger type="link" onClick={() => setRows(rows.filter((_, k) => k !== i))}>删除</Button>}
            </Flex>
          ))}
          {canEdit && rows.length < SHOWCASE_LIMITS.criteria && <Button onClick={() => setRows([...rows, { name: '', description: '' }])}>增加一条</Button>}
        </Flex>
      )}
    </Modal>
  );
}
