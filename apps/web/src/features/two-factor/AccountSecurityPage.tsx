import { Typography } from 'antd';
import { TwoFactorCard } from './TwoFactorCard';

/** The user's own account area: how they sign in (issue 12 point 3). */
export function AccountSecurityPage() {
  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Title level={3}>账号安全</Typography.Title>
      <TwoFactorCard />
    </div>
  );
}
