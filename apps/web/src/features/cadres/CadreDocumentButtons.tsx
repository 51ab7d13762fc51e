import { App, Button, Dropdown, type MenuProps } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '../../lib/icons';
import { CADRE_FORM_FORMATS, CADRE_FORMAT_LABELS, CADRE_ROSTER_FORMATS, type CadreFormFormat, type CadreRosterFormat, type VillageCadres } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useDownloadApprovalForm, useDownloadRoster } from './cadre-documents-api';

/** 下载名册 (Word/PDF/Excel): one village's with orgId, the town's (every village in sight) without. */
export function RosterDownloadButton({ orgId }: { orgId?: number }) {
  const { message } = App.useApp();
  const download = useDownloadRoster();
  const items: MenuProps['items'] = CADRE_ROSTER_FORMATS.map((format) => ({ key: format, label: CADRE_FORMAT_LABELS[format] }));
  return (
    <Dropdown trigger={['click']} menu={{
      items,
      onClick: ({ key }) => download.mutate({ orgId, format: key as CadreRosterFormat }, { onError: (e) => message.error(errorMessage(e)) }),
    }}>
      <Button icon={<DownloadOutlined />} loading={download.isPending}>{orgId ? '下载两委名册' : '下载全镇两委名册'}</Button>
    </Dropdown>
  );
}

/** 任免审批表: pick one of today's holders, then Word or PDF. */
export function ApprovalFormButton({ data }: { data: VillageCadres }) {
  const { message } = App.useApp();
  const download = useDownloadApprovalForm(data.organizationId);
  const people = [...new Map(data.current.map((h) => [h.personId, h.name])).entries()];
  if (!people.length) return null;
  const items: MenuProps['items'] = people.map(([personId, name]) => ({
    key: String(personId), label: name,
    children: CADRE_FORM_FORMATS.map((format) => ({ key: `${personId}:${format}`, label: `${name} · ${CADRE_FORMAT_LABELS[format]}` })),
  }));
  return (
    // Sub-menus open on tap as well: a phone has no hover.
    <Dropdown trigger={['click']} menu={{
      items, triggerSubMenuAction: 'click',
      onClick: ({ key }) => {
        const [personId, format] = key.split(':');
        download.mutate({ personId: Number(personId), format: format as CadreFormFormat }, { onError: (e) => message.error(errorMessage(e)) });
      },
    }}>
      <Button icon={<FileTextOutlined />} loading={download.isPending}>任免审批表</Button>
    </Dropdown>
  );
}
