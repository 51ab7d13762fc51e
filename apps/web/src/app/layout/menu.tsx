import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';

type MenuItem = Required<MenuProps>['items'][number];

/** Only modules that exist get a menu entry; add new ones here as they are built. */
export const MENU_ITEMS: MenuItem[] = [
  { key: '/organizations', icon: <ApartmentOutlined />, label: '组织架构' },
  { key: '/members', icon: <TeamOutlined />, label: '党员名册' },
];

const MENU_KEYS = ['/organizations', '/members'];

export function selectedMenuKey(pathname: string): string[] {
  const key = MENU_KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
  return key ? [key] : [];
}
