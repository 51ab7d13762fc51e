import { AccountPage } from '../features/auth/AccountPage';
import { TwoFactorCard } from '../features/two-factor/TwoFactorCard';

/*
 * /account — 账号与安全 in one page: 修改密码 and 登录设备 (auth feature) and 手机验证器 (two-factor feature). Features
 * do not import each other (docs/architecture.md, "Boundaries"), so the app layer composes them, as MembersRoute does.
 * The former /account/security (the second factor alone) now leads here.
 */
export function AccountRoute() {
  return <AccountPage twoFactor={<TwoFactorCard />} />;
}
