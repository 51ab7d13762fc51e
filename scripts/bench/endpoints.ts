// Who the bench signs in as and what each of them asks for: a village's branch secretary, a town admin (the whole of
// their tenant: a tenant is a town) and the district's 区委组织部 (its towns read from 驾驶舱快照, decision 010), each
// on the hot endpoints their work opens; plus the public village page and sign-in.
import pg from 'pg';
import type { Request } from './load.js';

export type Scope = 'village' | 'town' | 'district' | 'public';
export interface User { scope: Exclude<Scope, 'public'>; username: string; password: string; cookie?: string }
export interface Endpoint { key: string; title: string; scope: Scope; request: Request; /** A list or board the user's daily work opens (the latency targets), or sign-in / public. */ kind: 'list' | 'login' | 'public' }
/** users: the village secretary first, then the town admin, then (when the site has a district) the 区委组织部. */
export interface Site { users: User[]; villageCode: string }

/** Demo town: admin is the town (its whole tenant); 营子村's secretary is the village user; quwei its district 市中区. */
export function demoSite(password: string): Site {
  return { users: [{ scope: 'village', username: 'yingzi', password }, { scope: 'town', username: 'admin', password }, { scope: 'district', username: 'quwei', password }], villageCode: '370402105200' };
}

/** A generated district: its 区委组织部, town1's admin, and the secretary of that town's median-sized village branch. */
export async function scaleSite(url: string, password: string, districtUser: string): Promise<Site> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const town = (await c.query<{ id: number }>(
      "select o.id from organizations o join tenants t on t.id = o.tenant_id where t.kind = 'town' and o.parent_id is null order by t.code limit 1")).rows[0].id;
    const branches = (await c.query<{ id: number; code: string }>(
      `select o.id, v.code from organizations o join villages v on v.id = o.village_id
       where o.parent_id = $1 and o.kind = 'branch' order by (select count(*) from members m where m.organization_id = o.id), o.id`, [town])).rows;
    const village = branches[Math.floor(branches.length / 2)];
    return {
      users: [{ scope: 'village', username: `sj${village.id}`, password }, { scope: 'town', username: 'town1', password }, { scope: 'district', username: districtUser, password }],
      villageCode: village.code,
    };
  } finally { await c.end(); }
}

export async function signIn(origin: string, user: User): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }) });
  if (!res.ok) throw new Error(`sign-in of ${user.username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

const LABEL: Record<Scope, string> = { village: '村支部书记', town: '镇管理员(全镇即全租户)', district: '区委组织部', public: '公众' };

/** Every endpoint for every signed-in user; the member list's last page is found from the first page's total. */
export async function endpointsOf(origin: string, site: Site): Promise<Endpoint[]> {
  const list: Endpoint[] = [];
  for (const user of site.users) {
    const headers = { cookie: user.cookie ?? '' };
    const get = (key: string, title: string, path: string) => list.push({ key: `${key}@${user.scope}`, title: `${title} [${LABEL[user.scope]} ${user.username}]`, scope: user.scope, kind: 'list', request: { url: `${origin}${path}`, headers } });
    if (user.scope === 'district') {
      await districtEndpoints(origin, headers, get);
      continue;
    }
    const first = (await (await fetch(`${origin}/api/members?pageSize=20`, { headers })).json()) as { total: number };
    get('members.first', 'member list, first page', '/api/members?pageSize=20');
    get('members.last', `member list, last page (${Math.max(1, Math.ceil(first.total / 20))} of ${first.total} members)`, `/api/members?pageSize=20&page=${Math.max(1, Math.ceil(first.total / 20))}`);
    get('members.search', 'member search 建国', `/api/members?q=${encodeURIComponent('建国')}`);
    get('organizations.subtree', 'organisation subtree', '/api/organizations?range=subtree');
    get('compliance.scope', 'compliance board, own scope', '/api/compliance');
    get('tasks', 'to-do list', '/api/tasks');
    get('recruitment.board', 'recruitment board', '/api/recruitment/board');
    // 驾驶舱 (issue 17): the town admin's landing page.
    if (user.scope === 'town') get('dashboard.town', '驾驶舱 (town dashboard)', '/api/dashboard/town');
  }
  const village = site.users[0];
  list.push({ key: 'public.village', title: `public village page /public/villages/${site.villageCode}`, scope: 'public', kind: 'public', request: { url: `${origin}/public/villages/${site.villageCode}` } });
  list.push({ key: 'login', title: `sign-in (POST /api/auth/login as ${village.username})`, scope: 'public', kind: 'login',
    request: { url: `${origin}/api/auth/login`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: village.username, password: village.password }) } });
  return list;
}

/**
 * 区级驾驶舱 (decision 010): the whole district side by side, read from each town's 驾驶舱快照 (the bench stores them
 * first, as the job does), and one town's page, which stays live (the town's own 驾驶舱 computed in the request).
 */
async function districtEndpoints(origin: string, headers: { cookie: string }, get: (key: string, title: string, path: string) => void) {
  const towns = ((await (await fetch(`${origin}/api/district/towns`, { headers })).json()) as { towns: { tenantId: number; name: string }[] }).towns;
  get('district.dashboard', `区级驾驶舱, ${towns.length} towns from snapshots`, '/api/district/dashboard');
  if (towns[0]) get('district.town', `one town's 驾驶舱 (live), ${towns[0].name}`, `/api/district/towns/${towns[0].tenantId}/dashboard`);
}

/** Is the town 驾驶舱 there (GET /api/dashboard/town, issue 17)? An older build answers 404, and the bench says so. */
export async function dashboardBuilt(origin: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${origin}/api/dashboard/town`, { headers: { cookie } });
  return res.status !== 404;
}
