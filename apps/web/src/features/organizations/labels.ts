import type { Organization, OrganizationHistoryEntry } from '@dj/contracts';

export const STATUS_LABELS: Record<Organization['status'], string> = { active: '正常', closed: '已撤销' };

export const HISTORY_ACTION_LABELS: Record<OrganizationHistoryEntry['action'], string> = {
  create: '新建',
  rename: '重命名',
  move: '移动',
  update: '修改',
  close: '撤销',
};

export const HISTORY_ACTION_COLORS: Record<OrganizationHistoryEntry['action'], string> = {
  create: 'green',
  rename: 'blue',
  move: 'purple',
  update: 'cyan',
  close: 'red',
};

export function villageText(org: Pick<Organization, 'villageName' | 'villageCode'>): string {
  if (!org.villageName) return '—';
  return org.villageCode ? `${org.villageName}(${org.villageCode})` : org.villageName;
}
