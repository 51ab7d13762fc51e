import { useEffect, useRef, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { OkSchema, type SignInEndedReason } from '@dj/contracts';
import { apiRequest } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { IDLE_MINUTES, idleStateAt, lastServerContact, onServerContact, SESSION_HOURS, sessionSchedule, signedInAt, type IdleSchedule, type IdleState } from '../../lib/idle-session';
import { fetchMe, markSignedOut, meQueryKey, useLogout } from '../../lib/session';
import { pageLoads, signInAddress } from '../../lib/sign-in-target';

const TEXT_ID = 'idle-warning-text';
const RECHECK_MS = 60_000;

/**
 * No time-limited screens (issue 21 point 3, WCAG 2.2.1): the session ends after SESSION_IDLE_MS without a request
 * (the server's rule, from the contracts), so a dialog warns two minutes before and 继续使用 renews it with the
 * cheapest signed-in request, "who am I" (any request but a background poll moves the server's idle clock).
 * Unanswered, the session is ended here and the user is sent to the sign-in page (login.html), which says why
 * (?ended=idle); signing in brings them back to the page. The 12-hour end since sign-in (a security rule nothing puts
 * off) is announced ten minutes before in the same way, to finish and save the work; "知道了" closes that warning.
 */
export function IdleWarning() {
  const [state, setState] = useState<IdleState>('active');
  const [schedule, setSchedule] = useState<IdleSchedule>({ warnAt: 0, endAt: 0, reason: 'idle' });
  // The 12-hour warning the user closed with 知道了 (its end): it does not open again for that end.
  const [seenEnd, setSeenEnd] = useState(0);
  const expire = useExpire();
  const expireRef = useRef(expire);
  expireRef.current = expire;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    // Recomputed from the clock on every wake-up, not counted down: a phone that slept or a throttled tab still
    // ends at the right moment, and a request from any tab of the browser moves the end.
    const check = () => {
      if (ended) return;
      clearTimeout(timer);
      const now = Date.now();
      const current = sessionSchedule(lastServerContact(), signedInAt());
      const next = idleStateAt(now, current);
      setState(next);
      setSchedule(current);
      if (next === 'ended') {
        ended = true;
        void expireRef.current(current.reason);
        return;
      }
      // At least once a minute: a clock set back (or a test's) must not make a delay past setTimeout's 24.8-day limit,
      // which fires at once, over and over.
      timer = setTimeout(check, Math.min((next === 'active' ? current.warnAt : current.endAt) - now, RECHECK_MS));
    };
    check();
    const unsubscribe = onServerContact(check);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('storage', check);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('storage', check);
    };
  }, []);

  if (schedule.reason === 'absolute') {
    return <SessionEndDialog open={state === 'warning' && seenEnd !== schedule.endAt} endAt={schedule.endAt} onSeen={() => setSeenEnd(schedule.endAt)} />;
  }
  return <IdleDialog open={state === 'warning'} endAt={schedule.endAt} onExpired={() => expire('idle')} />;
}

/** Ends the session on the server too (its own end may be up to a minute later), then hands over to the sign-in page. */
function useExpire() {
  const queryClient = useQueryClient();
  const location = useLocation();
  return async (reason: SignInEndedReason) => {
    await apiRequest('/api/auth/logout', OkSchema, { method: 'POST', skipUnauthorizedHandler: true }).catch(() => undefined);
    // Before the cached user is dropped, so this page load, with its reason, is the one the gate's would be (the first
    // asked for wins): the sign-in page keeps the page to come back to and says why the session ended.
    pageLoads.go(signInAddress(location.pathname + location.search, { ended: reason }));
    markSignedOut(queryClient);
  };
}

// antd's dialog is always role="dialog"; a warning that needs an answer is an alertdialog, read out when it opens.
const asAlert = (node: HTMLDivElement | null) => {
  const dialog = node?.closest('[role="dialog"]');
  dialog?.setAttribute('role', 'alertdialog');
  dialog?.setAttribute('aria-describedby', TEXT_ID);
};
const clock = (at: number) => formatDateTime(new Date(at).toISOString()).slice(11);

/** Ten minutes before the 12-hour end: nothing puts it off, so the user is told to finish, and may sign in again now. */
function SessionEndDialog({ open, endAt, onSeen }: { open: boolean; endAt: number; onSeen: () => void }) {
  const logout = useLogout();
  // Gone once seen, not kept hidden: a screen reader must not find a warning already answered.
  if (!open) return null;
  return (
    <Modal
      open closable={false} mask={{ closable: false }} onCancel={onSeen} centered width={420}
      title="即将到达登录时长上限"
      footer={[
        <Button key="logout" size="large" loading={logout.isPending} onClick={() => logout.mutate()}>现在重新登录</Button>,
        <Button key="seen" size="large" type="primary" autoFocus onClick={onSeen}>知道了</Button>,
      ]}
    >
      <div ref={asAlert}>
        <Typography.Paragraph id={TEXT_ID} style={{ marginBottom: 0 }}>
          为保护账号安全,每次登录最长可用{SESSION_HOURS}小时,本次将于 {clock(endAt)} 自动退出。
          请先保存正在填写的内容;退出后重新登录即可继续,并回到当前页面。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

function IdleDialog({ open, endAt, onExpired }: { open: boolean; endAt: number; onExpired: () => Promise<void> }) {
  const queryClient = useQueryClient();
  const logout = useLogout();
  const [renewing, setRenewing] = useState(false);
  const renew = async () => {
    setRenewing(true);
    try {
      const me = await fetchMe();
      if (me) queryClient.setQueryData(meQueryKey, me);
      else await onExpired();
    } catch {
      // A network failure: the dialog stays open and the button can be pressed again.
    } finally {
      setRenewing(false);
    }
  };
  return (
    <Modal
      open={open} closable={false} mask={{ closable: false }} onCancel={() => void renew()} centered width={420}
      title="即将自动退出登录"
      footer={[
        <Button key="logout" size="large" loading={logout.isPending} onClick={() => logout.mutate()}>退出登录</Button>,
        <Button key="renew" size="large" type="primary" autoFocus loading={renewing} onClick={() => void renew()}>继续使用</Button>,
      ]}
    >
      <div ref={asAlert}>
        <Typography.Paragraph id={TEXT_ID} style={{ marginBottom: 0 }}>
          您已较长时间没有操作。为保护账号安全,{IDLE_MINUTES}分钟内没有操作会自动退出登录,
          本次将于 {clock(endAt)} 退出。需要继续使用,请点“继续使用”。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
