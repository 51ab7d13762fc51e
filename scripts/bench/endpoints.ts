// Who the bench signs in as and what each of them asks for: a village's branch secretary, a town admin and the
// whole tenant's admin, each on the hot endpoints their work opens; plus the public village page and sign-in.
import pg from 'pg';
import type { Request } from './load.js';

export type Scope = 'village' | 'town' | 'tenant' | 'district' | 'public';
export interface User { scope: Exclude<Scope, 'public' | 'district'>; username: string; password: string; cookie?: string }
export interface Endpoint { key: string; title: string; scope: Scope; request: Request; /** A list or board the user's daily work opens (the latency targets), or sign-in / public. */ kind: 'list' | 'login' | 'public' }
export interface Site { users: User[]; townOrgId: number; villageCode: string; tenantIsTown: boolean }

/** Demo town: admin is the town and the whole tenant; 营子村's secretary is the village user. */
export function demoSite(password: string, townOrgId: number): Site {
  return { users: [{ scope: 'village', username: 'yingzi', password }, { scope: 'tenant', username: 'admin', password }], townOrgId, villageCode: '370402105200', tenantIsTown: true };
}

/** A generated tenant: town1's admin, and the secretary of the median-sized village branch of that town. */
export async function scaleSite(url: string, password: string): Promise<Site> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const root = (await c.query<{ id: number }>('select id from organizations where parent_id is null order by id limit 1')).rows[0].id;
    const town = (await c.query<{ id: number }>("select id from organizations where parent_id = $1 and kind = 'committee' order by id limit 1", [root])).rows[0]?.id ?? root;
    const branches = (await c.query<{ id: number; code: string }>(
      `select o.id, v.code from organizations o join villages v on v.id = o.village_id
       where o.parent_id = $1 and o.kind = 'branch' order by (select count(*) from members m where m.organization_id = o.id), o.id`, [town])).rows;
    const village = branches[Math.floor(branches.length / 2)];
    const users: User[] = [{ scope: 'village', username: `sj${village.id}`, password }];
    if (town !== root) users.push({ scope: 'town', username: 'town1', password });
    users.push({ scope: 'tenant', username: 'admin', password });
    return { users, townOrgId: town, villageCode: village.code, tenantIsTown: town === root };
  } finally { await c.end(); }
}

export async function signIn(origin: string, user: User): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }) });
  if (!res.ok) throw new Error(`sign-in of ${user.username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

const LABEL: Record<Scope, string> = { village: '村支部书记', town: '镇管理员', tenant: '全租户', district: '区委组织部', public: '公众' };

/** Every endpoint for every signed-in user; the member list's last page is found from the first page's total. */
export async function endpointsOf(origin: string, site: Site): Promise<Endpoint[]> {
  const list: Endpoint[] = [];
  for (const user of site.users) {
    const headers = { cookie: user.cookie ?? '' };
    const get = (key: string, title: string, path: string) => list.push({ key: `${key}@${user.scope}`, title: `${title} [${LABEL[user.scope]} ${user.username}]`, scope: user.scope, kind: 'list', request: { url: `${origin}${path}`, headers } });
    const first = (await (await fetch(`${origin}/api/members?pageSize=20`, { headers })).json()) as { total: number };
    get('members.first', 'member list, first page', '/api/members?pageSize=20');
    get('members.last', `member list, last page (${Math.max(1, Math.ceil(first.total / 20))} of ${first.total} members)`, `/api/members?pageSize=20&page=${Math.max(1, Math.ceil(first.total / 20))}`);
    get('members.search', 'member search 建国', `/api/members?q=${encodeURIComponent('建国')}`);
    get('organizations.subtree', 'organisation subtree', '/api/organizations?range=subtree');
    if (user.scope === 'tenant' && !site.tenantIsTown) get('compliance.town', 'compliance board, one town', `/api/compliance?orgId=${site.townOrgId}`);
    get('compliance.scope', user.scope === 'tenant' ? 'compliance board, whole scope' : 'compliance board, own scope', '/api/compliance');
    get('tasks', 'to-do list', '/api/tasks');
    get('recruitment.board', 'recruitment board', '/api/recruitment/board');
    // 驾驶舱 (issue 17): the town admin's landing page; a tenant that is no town has none of its own to measure.
    if (user.scope === 'town' || (user.scope === 'tenant' && site.tenantIsTown)) get('dashboard.town', '驾驶舱 (town dashboard)', '/api/dashboard/town');
  }
  list.push({ key: 'public.village', title: `public village page /public/villages/${site.villageCode}`, scope: 'public', kind: 'public', request: { url: `${origin}/public/villages/${site.villageCode}` } });
  const village = site.users[0];
  list.push({ key: 'login', title: `sign-in (POST /api/auth/login as ${village.username})`, scope: 'public', kind: 'login',
    request: { url: `${origin}/api/auth/login`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: village.username, password: village.password }) } });
  return list;
}

/** 区级驾驶舱 (issue 17 point 5): the 区委组织部 of a generated district (gen-district.ts), its towns side by side. */
export function districtEndpoint(origin: string, cookie: string, username: string, towns: number): Endpoint {
  return {
    key: 'district.dashboard@district', title: `区级驾驶舱, a district of ${towns} towns [${LABEL.district} ${username}]`, scope: 'district', kind: 'list',
    request: { url: `${origin}/api/district/dashboard`, headers: { cookie } },
  };
}

/** Is the town 驾驶舱 there (GET /api/dashboard/town, issue 17)? An older build answers 404, and the bench says so. */
export async function dashboardBuilt(origin: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${origin}/api/dashboard/town`, { headers: { cookie } });
  return res.status !== 404;
}
