import { App, Button, Popconfirm, Space } from 'antd';
import type { Credential, UserSummary } from '@dj/contracts';
import { useStepUpRetry } from '../../components/StepUpModal';
import { errorMessage } from '../../lib/api-client';
import { useResetPassword, useResetTwoFactor, useUserAction, type UserAction } from './api';

interface Props {
  user: UserSummary;
  onEditGrants: (user: UserSummary) => void;
  onSessions: (user: UserSummary) => void;
  onCredential: (credential: Credential) => void;
}

const DONE: Record<UserAction, string> = { disable: '已停用', enable: '已启用', unlock: '已解除锁定' };

/** What a town admin does to one account; each write asks first where it cannot be undone by a click. */
export function UserActions({ user, onEditGrants, onSessions, onCredential }: Props) {
  const { message } = App.useApp();
  const action = useUserAction();
  const reset = useResetPassword();
  const resetTwoFactor = useResetTwoFactor();
  const stepUp = useStepUpRetry();
  const run = (kind: UserAction) => action.mutate({ id: user.id, action: kind }, {
    onSuccess: (saved) => message.success(`“${saved.displayName}”${DONE[kind]}`),
    onError: (error) => message.error(errorMessage(error)),
  });
  const resetPassword = () => reset.mutate(user.id, {
    onSuccess: ({ credential }) => onCredential(credential),
    onError: (error) => message.error(errorMessage(error)),
  });
  // Resetting someone's second factor needs the admin's own password again (403 STEP_UP_REQUIRED, then retried).
  const resetFactor = () => resetTwoFactor.mutate(user.id, {
    onSuccess: () => message.success(`已重置“${user.displayName}”的手机验证器,下次登录时重新绑定`),
    onError: (error) => { if (!stepUp.ask(error, resetFactor)) message.error(errorMessage(error)); },
  });
  const busy = (kind: UserAction) => action.isPending && action.variables.action === kind;
  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => onEditGrants(user)}>编辑角色</Button>
      {user.disabled ? (
        <Popconfirm title={`启用“${user.displayName}”的账号?`} okText="启用" cancelText="取消" onConfirm={() => run('enable')}>
          <Button size="small" loading={busy('enable')}>启用</Button>
        </Popconfirm>
      ) : (
        <Popconfirm title={`停用“${user.displayName}”的账号?停用后立即退出所有设备,不能再登录。`} okText="停用" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => run('disable')}>
          <Button size="small" danger loading={busy('disable')}>停用</Button>
        </Popconfirm>
      )}
      <Popconfirm title="重置后原密码失效,将生成一次性密码,确定重置?" okText="重置" cancelText="取消" onConfirm={resetPassword}>
        <Button size="small" loading={reset.isPending}>重置密码</Button>
      </Popconfirm>
      {user.locked && <Button size="small" onClick={() => run('unlock')} loading={busy('unlock')}>解除锁定</Button>}
      <Button size="small" onClick={() => onSessions(user)}>登录设备</Button>
      {user.twoFactorEnrolled && (
        <Popconfirm title="重置后此人下次登录须重新绑定手机验证器,确定重置?" okText="重置" cancelText="取消" onConfirm={resetFactor}>
          <Button size="small" loading={resetTwoFactor.isPending}>重置手机验证器</Button>
        </Popconfirm>
      )}
      {stepUp.modal}
    </Space>
  );
}
