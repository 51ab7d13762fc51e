import type { Me } from '@dj/contracts';
import { jsonResponse, type RecordedCall } from './fetch-mock';
import { me } from './member-fixtures';
import { ALL } from './org-fixtures';

/** A branch secretary of 王庄村党支部, the signed-in user of most page tests. */
export const SECRETARY: Me = me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]);

export type Route = (call: RecordedCall) => Response | undefined;

/** Auth and the organisation tree answered; anything else goes to `route`, then 404. */
export function server(route: Route, who: Me = SECRETARY) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    return route(call) ?? jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

export const queryOf = (call: RecordedCall) => Object.fromEntries(new URL(call.url, 'http://localhost').searchParams);
