import { jpeg, multipart } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 党建示范点 and 党建动态 (issue 20 points 5–6). A showcase is its branch's: the branches' readers read
 * it (showcases.read), the town and the branch's secretary keep its practices, visits and photos (showcases.update), the
 * town names, evaluates and publishes it (showcases.manage); a plain 党员 sees none (personal: 404). A post is the town
 * editors' until published: to anyone without news.write it does not exist (hiddenWithout: 404).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const admin = (env: RoleEnv) => env.world.town.admin;
const SHOWCASE = { name: '角色表示范点', theme: '党建引领', status: 'named' };
const POST = { title: '角色表党建动态', summary: '角色表摘要', body: '角色表正文,十个字以上。', author: '镇党建办' };

const showcase = async (env: RoleEnv): Promise<number> => env.state.shared('showcase', async () =>
  (await env.state.ok(admin(env).post('/api/showcases', { ...SHOWCASE, organizationId: env.world.branch.id }), 'showcase')).id);
const withPhoto = async (env: RoleEnv): Promise<Json> => {
  const id = await showcase(env);
  await env.state.shared('showcase photo', async () => {
    const { body, headers } = multipart(await jpeg(), '示范点.jpg', 'image/jpeg');
    await env.state.ok(admin(env).request('POST', `/api/showcases/${id}/photos`, body, headers), 'showcase photo');
    return id;
  });
  return env.state.ok(admin(env).get(`/api/showcases/${id}`), 'showcase');
};
const criteria = async (env: RoleEnv): Promise<number> => env.state.shared('criteria', async () =>
  (await env.state.ok(admin(env).request('PUT', '/api/showcases/criteria', { items: [{ name: '组织建设规范' }] }), 'criteria')).items[0].id);
/** A post drafted by the town's first admin (never the probed account); `status` moves it on directly in the database. */
const post = async (env: RoleEnv, status?: 'approved' | 'published'): Promise<number> => {
  const id = (await env.state.ok(admin(env).post('/api/news', POST), 'news')).id as number;
  if (status) await env.world.ctx.pool.query('update town_news set status = $2 where id = $1', [id, status]);
  return id;
};
const sharedPost = (env: RoleEnv) => env.state.shared('news', () => post(env));
const newsImage = async (env: RoleEnv) => {
  const id = await sharedPost(env);
  const imageId = await env.state.shared('news image', async () => {
    const { body, headers } = multipart(await jpeg(), '动态.jpg', 'image/jpeg');
    return (await env.state.ok(admin(env).request('POST', `/api/news/${id}/images`, body, headers), 'news image')).images[0].id;
  });
  return { id, imageId };
};
const photoUpload = async (url: string) => {
  const { body, headers } = multipart(await jpeg(), '照片.jpg', 'image/jpeg');
  return { url, body, headers };
};

export const SHOWCASE_ROWS: Record<string, RoleRow> = {
  'GET /api/showcases': { permission: 'showcases.read', probe: () => ({ url: '/api/showcases' }) },
  'GET /api/showcases/criteria': { permission: 'showcases.read', probe: () => ({ url: '/api/showcases/criteria' }) },
  // Renames the shared criterion in place (with its id), so the evaluation probe still judges a current one.
  'PUT /api/showcases/criteria': { permission: 'showcases.manage', probe: async (env) => ({ url: '/api/showcases/criteria', body: { items: [{ id: await criteria(env), name: '组织建设规范' }] } }) },
  'GET /api/showcases/:id': { permission: 'showcases.read', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}` }) },
  'POST /api/showcases': { permission: 'showcases.manage', personal: true, probe: (env) => ({ url: '/api/showcases', body: { ...SHOWCASE, organizationId: env.world.branch.id } }) },
  'PATCH /api/showcases/:id': { permission: 'showcases.manage', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}`, body: SHOWCASE }) },
  'PUT /api/showcases/:id/practices': { permission: 'showcases.update', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/practices`, body: { practices: '支部建在网格上' } }) },
  'PUT /api/showcases/:id/evaluations/:year': {
    permission: 'showcases.manage', personal: true,
    probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/evaluations/2025`, body: { evaluatedOn: '2025-12-01', conclusion: 'keep', items: [{ criterionId: await criteria(env), result: 'met' }] } }),
  },
  'POST /api/showcases/:id/visits': { permission: 'showcases.update', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/visits`, body: { visitedOn: '2025-05-01', visitors: '邻镇党委', people: 10 } }) },
  'DELETE /api/showcases/:id/visits/:childId': {
    permission: 'showcases.update', personal: true,
    probe: async (env) => {
      const id = await showcase(env);
      const made = await env.state.ok(admin(env).post(`/api/showcases/${id}/visits`, { visitedOn: '2025-05-02', visitors: '邻县组织部', people: 5 }), 'visit');
      return { url: `/api/showcases/${id}/visits/${made.visits[0].id}` };
    },
  },
  'POST /api/showcases/:id/photos': { permission: 'showcases.update', personal: true, probe: async (env) => photoUpload(`/api/showcases/${await showcase(env)}/photos`) },
  'GET /api/showcases/:id/photos/:childId': { permission: 'showcases.read', personal: true, probe: async (env) => { const s = await withPhoto(env); return { url: `/api/showcases/${s.id}/photos/${s.photos[0].id}` }; } },
  'GET /api/showcases/:id/report.:format': { permission: 'showcases.read', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/report.docx` }) },
  'POST /api/showcases/:id/publish': { permission: 'showcases.manage', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/publish` }) },
  'POST /api/showcases/:id/unpublish': { permission: 'showcases.manage', personal: true, probe: async (env) => ({ url: `/api/showcases/${await showcase(env)}/unpublish` }) },

  'GET /api/news': { permission: 'news.write', probe: () => ({ url: '/api/news' }) },
  'POST /api/news': { permission: 'news.write', probe: () => ({ url: '/api/news', body: POST }) },
  'GET /api/news/:id': { permission: 'news.write', hiddenWithout: true, probe: async (env) => ({ url: `/api/news/${await sharedPost(env)}` }) },
  'PATCH /api/news/:id': { permission: 'news.write', hiddenWithout: true, probe: async (env) => ({ url: `/api/news/${await post(env)}`, body: POST }) },
  'POST /api/news/:id/approve': { permission: 'news.publish', hiddenWithout: true, probe: async (env) => ({ url: `/api/news/${await post(env)}/approve` }) },
  'POST /api/news/:id/publish': { permission: 'news.publish', hiddenWithout: true, probe: async (env) => ({ url: `/api/news/${await post(env, 'approved')}/publish` }) },
  'POST /api/news/:id/withdraw': { permission: 'news.publish', hiddenWithout: true, probe: async (env) => ({ url: `/api/news/${await post(env, 'published')}/withdraw` }) },
  'POST /api/news/:id/images': { permission: 'news.write', hiddenWithout: true, probe: async (env) => photoUpload(`/api/news/${await post(env)}/images`) },
  'GET /api/news/:id/images/:imageId': { permission: 'news.write', hiddenWithout: true, probe: async (env) => { const i = await newsImage(env); return { url: `/api/news/${i.id}/images/${i.imageId}` }; } },
};
