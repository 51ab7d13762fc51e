import { useEffect, useState } from 'react';
import { Button, Drawer, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, SafetyOutlined } from '../../lib/icons';
import { ROLE_LABELS } from '@dj/contracts';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../lib/session';
import { PLATFORM_NAME } from '../../lib/sign-in-target';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { ExportsButton, ExportsDrawer } from '../../features/exports/ExportsDrawer';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { quietAntdIcons } from '../../lib/quiet-antd-icons';
import { DemoBanner } from './DemoBanner';
import { ElderModeSwitch } from './ElderModeSwitch';
import { menuItemsFor, selectedMenuKey } from './menu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useNarrowScreen();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // On the body, not the frame: antd's menus, dropdowns and dialogs are drawn in portals there.
  useEffect(() => quietAntdIcons(document.body), []);

  if (!me) return null;
  const { user } = me;
  const roleLabels = user.roles.map((role) => ROLE_LABELS[role]);

  const menu = (
    <Menu
      mode="inline"
      items={menuItemsFor(user.roles)}
      selectedKeys={selectedMenuKey(location.pathname)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );

  // Signed out, the gate (RequireAuth) loads the sign-in page, which is not one of the app's (login.html): one page load
  // that also drops everything the app held in memory. Leaving here too would start a second one over the first.
  const onLogout = () => logout.mutate();

  return (
    <Layout className="app-layout">
      <Header className="app-header">
        <div className="app-header-brand">
          {narrow && (
            <Button
              type="text"
              aria-label="打开菜单"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              className="app-header-icon-button"
            />
          )}
          <span className="app-emblem" aria-hidden="true">党</span>
          <span className="app-title">{PLATFORM_NAME}</span>
          <span className="app-tenant" data-testid="tenant-name">{user.tenantName}</span>
        </div>
        <Space size={narrow ? 'small' : 'middle'} className="app-header-user">
          <ElderModeSwitch />
          <NotificationBell />
          <ExportsButton narrow={narrow} />
          <span>
            {/* The user's own account area (账号与安全: password, devices, second factor) opens from their name too. */}
            <Link to="/account" title="账号与安全">
              <Typography.Text strong className="app-user-name" data-testid="user-display-name">
                {user.displayName}
              </Typography.Text>
            </Link>
            {roleLabels.map((label) => (
              <Tag key={label} className="app-role-tag">
                {label}
              </Tag>
            ))}
          </span>
          {/* The signed-in user's own page: password and signed-in devices (issue 12 point 2). */}
          <Button icon={<SafetyOutlined />} onClick={() => navigate('/account')} aria-label="账号与安全">
            {!narrow && '账号与安全'}
          </Button>
          {/* On a phone both account buttons are icons with their names, so the header fits 390 px with the 适老化 switch. */}
          <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} aria-label="退出登录">
            {!narrow && '退出登录'}
          </Button>
        </Space>
      </Header>
      <ExportsDrawer />
      {user.isDemo && <DemoBanner />}
      <Layout>
        {narrow ? (
          <Drawer
            title="功能菜单"
            placement="left"
            size={240}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={200}
            theme="light"
            className="app-sider"
          >
            {menu}
          </Sider>
        )}
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
