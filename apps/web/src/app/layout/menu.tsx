import { ApartmentOutlined, CalendarOutlined, CheckSquareOutlined, MoneyCollectOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import type { Role } from '@dj/contracts';
import { hasWorkRole, isTownAdmin } from '../../features/auth/roles';

type MenuItem = Required<MenuProps>['items'][number];

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
  /** Who sees the entry; the server checks again on every request. */
  visible: (roles: readonly Role[]) => boolean;
}

const everyone = () => true;

/** Only modules that exist get a menu entry; add new ones here as they are built. */
const MENU_ENTRIES: MenuEntry[] = [
  { key: '/organizations', icon: <ApartmentOutlined />, label: '组织架构', visible: everyone },
  { key: '/members', icon: <TeamOutlined />, label: '党员名册', visible: everyone },
  { key: '/tasks', icon: <CheckSquareOutlined />, label: '待办事项', visible: hasWorkRole },
  { key: '/compliance', icon: <CalendarOutlined />, label: '组织生活日历', visible: hasWorkRole },
  { key: '/dues', icon: <MoneyCollectOutlined />, label: '党费收缴', visible: hasWorkRole },
  { key: '/settings', icon: <SettingOutlined />, label: '本镇设置', visible: isTownAdmin },
];

export function menuItemsFor(roles: readonly Role[]): MenuItem[] {
  return MENU_ENTRIES.filter((entry) => entry.visible(roles)).map(({ key, icon, label }) => ({ key, icon, label }));
}

const MENU_KEYS = MENU_ENTRIES.map((entry) => entry.key);

export function selectedMenuKey(pathname: string): string[] {
  const key = MENU_KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
  return key ? [key] : [];
}
