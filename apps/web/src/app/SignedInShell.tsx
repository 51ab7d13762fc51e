import { IdleWarning } from '../features/auth/IdleWarning';
import { RequireAuth } from '../features/auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';

/**
 * Everything behind sign-in: the session check and the menu, header, notifications and exports around each page. Its
 * own chunk (app/router.tsx), so the sign-in page does not download the signed-in frame (issue 21 point 4).
 */
export function SignedInShell() {
  return (
    <RequireAuth>
      <AppLayout />
      {/* Warns before the session's idle end (issue 21 point 3, WCAG 2.2.1). */}
      <IdleWarning />
    </RequireAuth>
  );
}
