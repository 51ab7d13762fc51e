import { useEffect, useRef, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { OkSchema } from '@dj/contracts';
import { apiRequest } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { IDLE_MINUTES, idleSchedule, idleStateAt, lastServerContact, onServerContact, type IdleState } from '../../lib/idle-session';
import { fetchMe, markSignedOut, meQueryKey, useLogout } from '../../lib/session';
import { pageLoads, signInAddress } from '../../lib/sign-in-target';

const TEXT_ID = 'idle-warning-text';
const RECHECK_MS = 60_000;

/**
 * No time-limited screens (issue 21 point 3, WCAG 2.2.1): the session ends after SESSION_IDLE_MS without a request
 * (the server's rule, from the contracts), so a dialog warns two minutes before and 继续使用 renews it with the
 * cheapest signed-in request, "who am I" (any request but a background poll moves the server's idle clock).
 * Unanswered, the session is ended here and the user is sent to the sign-in page (login.html), which says why
 * (?ended=idle); signing in brings them back to the page.
 */
export function IdleWarning() {
  const [state, setState] = useState<IdleState>('active');
  const [endAt, setEndAt] = useState(0);
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
      const schedule = idleSchedule(lastServerContact());
      const now = Date.now();
      const next = idleStateAt(now, schedule);
      setState(next);
      setEndAt(schedule.endAt);
      if (next === 'ended') {
        ended = true;
        void expireRef.current();
        return;
      }
      // At least once a minute: a clock set back (or a test's) must not make a delay past setTimeout's 24.8-day limit,
      // which fires at once, over and over.
      timer = setTimeout(check, Math.min((next === 'active' ? schedule.warnAt : schedule.endAt) - now, RECHECK_MS));
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

  return <IdleDialog open={state === 'warning'} endAt={endAt} onExpired={expire} />;
}

/** Ends the session on the server too (its own end may be up to a minute later), then hands over to the sign-in page. */
function useExpire() {
  const queryClient = useQueryClient();
  const location = useLocation();
  return async () => {
    await apiRequest('/api/auth/logout', OkSchema, { method: 'POST', skipUnauthorizedHandler: true }).catch(() => undefined);
    // Before the cached user is dropped, so this page load, with its reason, is the one the gate's would be (the first
    // asked for wins): the sign-in page keeps the page to come back to and says why the session ended.
    pageLoads.go(signInAddress(location.pathname + location.search, { ended: 'idle' }));
    markSignedOut(queryClient);
  };
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
  // antd's dialog is always role="dialog"; a warning that needs an answer is an alertdialog, read out when it opens.
  const asAlert = (node: HTMLDivElement | null) => {
    const dialog = node?.closest('[role="dialog"]');
    dialog?.setAttribute('role', 'alertdialog');
    dialog?.setAttribute('aria-describedby', TEXT_ID);
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
          本次将于 {formatDateTime(new Date(endAt).toISOString()).slice(11)} 退出。需要继续使用,请点“继续使用”。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
