import { Alert, Button, Card, Typography } from 'antd';
import type { Me } from '@dj/contracts';
import { useLogout } from '../../lib/session';
import { ChangePasswordForm } from './ChangePasswordForm';

const REASONS: Record<NonNullable<Me['passwordChange']>, string> = {
  one_time: '您正在使用管理员发放的一次性密码(首次登录或密码已被重置),请先设置自己的新密码。',
  expired: '您的密码已超过本镇规定的有效期(等保模式),请先设置新密码。',
};

/**
 * Shown instead of every page while the API answers PASSWORD_CHANGE_REQUIRED (issue 12 point 2): the only ways on
 * are changing the password or signing out (the gate then loads the sign-in page). After the change "who am I" no
 * longer asks and the page behind shows.
 */
export function ForcedPasswordChange({ reason }: { reason: NonNullable<Me['passwordChange']> }) {
  const logout = useLogout();
  return (
    <div className="login-page">
      <Card className="login-card" variant="borderless" title="请先修改密码">
        <Alert type="warning" showIcon title={REASONS[reason]} style={{ marginBottom: 16 }} />
        <ChangePasswordForm />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Button type="link" style={{ padding: 0 }} onClick={() => logout.mutate()}>
            退出登录
          </Button>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
