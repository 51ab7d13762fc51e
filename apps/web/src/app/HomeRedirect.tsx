import { Navigate } from 'react-router';
import { homePath } from '../lib/roles';
import { useMe } from '../lib/session';

/** '/' opens the signed-in user's own starting page (lib/roles homePath); RequireAuth has loaded Me by now. */
export function HomeRedirect() {
  const { data: me } = useMe();
  return <Navigate to={homePath(me)} replace />;
}
