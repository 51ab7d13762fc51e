import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import { createActivity, createBranch, createMembers, createTown, createUser, multipartBody, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 20 points 5–6: a showcase's figures are the records' (组织生活 this year, 党员, the approved collective income);
 * evaluations judge every criterion of the town; 党建动态 go draft → approved → published by someone other than the
 * drafter, publishing refuses a personal number naming the field; the public site shows published content only, with
 * share metadata, and the showcase's live figures.
 */
let ctx: TestContext;
let town: Town;
let village: Branch;
let enterprise: Branch;
let secretary: Session;
let otherSecretary: Session;
let admin2: Session;
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const WAN = 1_000_000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const page = async (url: string) => { const res = await ctx.app.inject({ method: 'GET', url }); return { status: res.statusCode, text: res.body, headers: res.headers }; };
const jpeg = () => sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
const upload = async (s: Session, url: string, caption: string) => {
  const body = multipartBody({ data: await jpeg(), name: 'p.jpg' });
  return ok(await s.request('POST', `${url}?caption=${encodeURIComponent(caption)}`, body.payload, body.headers));
};
const SHOWCASE = { name: '党建引领乡村治理', theme: '党建引领乡村治理', status: 'named', sinceYear: year - 1, summary: '网格化治理' };
const POST = { title: '镇党委召开党建工作推进会', summary: '部署示范点创建工作', body: '会议强调要抓好示范点建设。\n\n[图片1]\n\n各支部书记作了发言。', author: '镇党建办' };

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  village = await createBranch(town);
  enterprise = await createBranch(town, { village: false });
  ({ session: secretary } = await createUser(town, 'branch_secretary', [village.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [enterprise.id]));
  ({ session: admin2 } = await createUser(town, 'town_admin', [town.committeeId]));
});
afterAll(async () => { await ctx.close(); });

describe('20.5 党建示范点', () => {
  let showcase: Json;
  let criteria: Json[];

  it('the town names a showcase and keeps the criteria; the branch secretary keeps its practices, visits and photos', async () => {
    criteria = (await ok(await town.admin.request('PUT', '/api/showcases/criteria', { items: [{ name: '组织建设规范' }, { name: '治理成效明显', description: '矛盾纠纷不出村' }] }))).items;
    expect(criteria.map((c) => c.name)).toEqual(['组织建设规范', '治理成效明显']);
    expect((await secretary.post('/api/showcases', { ...SHOWCASE, organizationId: village.id })).statusCode).toBe(403);
    showcase = await ok(await town.admin.post('/api/showcases', { ...SHOWCASE, organizationId: village.id }));
    expect(showcase).toMatchObject({ isVillage: true, status: 'named', published: false, can: { manage: true, update: true } });
    const mine = await ok(await secretary.request('PUT', `/api/showcases/${showcase.id}/practices`, { summary: '网格化治理', practices: '一、支部建在网格上。\n二、党员联户。' }));
    expect(mine.can).toEqual({ manage: false, update: true });
    expect((await secretary.patch(`/api/showcases/${showcase.id}`, SHOWCASE)).statusCode).toBe(403);
    // Another branch's secretary does not see it at all.
    expect((await otherSecretary.get(`/api/showcases/${showcase.id}`)).statusCode).toBe(404);
    expect((await ok(await otherSecretary.get('/api/showcases'))).items).toEqual([]);
    const visited = await ok(await secretary.post(`/api/showcases/${showcase.id}/visits`, { visitedOn: today, visitors: '邻县组织部', people: 25 }));
    expect(visited.visits).toMatchObject([{ visitors: '邻县组织部', people: 25 }]);
    const withPhoto = await upload(secretary, `/api/showcases/${showcase.id}/photos`, '网格议事');
    expect(withPhoto.photos).toMatchObject([{ caption: '网格议事' }]);
  });

  it('a year\'s evaluation judges every current criterion, with evidence; no score', async () => {
    const url = `/api/showcases/${showcase.id}/evaluations/${year}`;
    const partial = await town.admin.request('PUT', url, { evaluatedOn: today, conclusion: 'keep', items: [{ criterionId: criteria[0].id, result: 'met' }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().message).toContain('“治理成效明显”尚未评估');
    const done = await ok(await town.admin.request('PUT', url, { evaluatedOn: today, conclusion: 'keep', items: [
      { criterionId: criteria[0].id, result: 'met', evidence: '支委会记录12份' }, { criterionId: criteria[1].id, result: 'partly', evidence: '调解记录' }] }));
    expect(done.evaluations[0]).toMatchObject({ year, conclusion: 'keep', items: [{ criterionName: '组织建设规范', result: 'met', evidence: '支委会记录12份' }, { result: 'partly' }] });
    expect((await secretary.request('PUT', url, { evaluatedOn: today, conclusion: 'keep', items: [{ criterionId: criteria[0].id, result: 'met' }] })).statusCode).toBe(403);
  });

  it('the figures are the records\': this year\'s 组织生活, the 党员 on the roster, the approved collective income', async () => {
    await createMembers(town, village.id, { full: 3, probationary: 1 });
    await createActivity(secretary, village.id, { heldOn: today });
    await createActivity(secretary, village.id, { heldOn: `${year}-01-02` });
    await createActivity(secretary, village.id, { heldOn: `${year - 1}-12-30` });
    const income = `/api/economy/villages/${village.id}/years/${year - 1}`;
    await ok(await secretary.request('PUT', income, { amounts: { operating: 8 * WAN, contracting: 3 * WAN, investment: 0, subsidy: 5 * WAN, other: 1 } }));
    await ok(await secretary.post(`${income}/submit`));
    await ok(await town.admin.post(`${income}/approve`));
    const { figures } = await ok(await town.admin.get(`/api/showcases/${showcase.id}`));
    const q = async (sql: string) => Number((await ctx.pool.query(sql, [village.id, `${year}-01-01`, today].slice(0, (sql.match(/\$\d/g) ?? []).length))).rows[0].n);
    expect(figures).toEqual({
      year,
      activitiesHeld: await q(`select count(*) n from activities where organization_id = $1 and held_on between $2 and $3 and status = 'recorded'`),
      members: await q(`select count(*) n from members where organization_id = $1 and on_roster and membership_status = 'active'`),
      income: { year: year - 1, totalFen: 16 * WAN + 1 },
    });
    expect(figures.activitiesHeld).toBe(2);
    expect(figures.members).toBe(4);
    // A 非公 branch has no collective income to show.
    const np = await ok(await town.admin.post('/api/showcases', { ...SHOWCASE, name: '康力医疗党支部', organizationId: enterprise.id }));
    expect(np.figures.income).toBeNull();
    expect(np.isVillage).toBe(false);
  });

  it('publishing scans the texts; the public page shows a published showcase with its live figures', async () => {
    const url = `/public/towns/${town.code}/showcases/${showcase.id}`;
    expect((await page(url)).status).toBe(404);
    await ok(await secretary.request('PUT', `/api/showcases/${showcase.id}/practices`, { practices: `联系人电话13812345678` }));
    const refused = await town.admin.post(`/api/showcases/${showcase.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('经验做法含手机号');
    await ok(await secretary.request('PUT', `/api/showcases/${showcase.id}/practices`, { summary: '网格化治理', practices: '一、支部建在网格上。' }));
    const published = await ok(await town.admin.post(`/api/showcases/${showcase.id}/publish`));
    const shown = await page(url);
    expect(shown.status).toBe(200);
    expect(shown.headers['cache-control']).toBe('public, max-age=300');
    expect(shown.text).toContain('支部建在网格上');
    expect(shown.text).toContain(`<th>${year}年开展组织生活</th><td>${published.figures.activitiesHeld}次</td>`);
    expect(shown.text).toContain(`<td>${published.figures.members}名</td>`);
    expect(shown.text).toContain(`${(published.figures.income.totalFen / WAN).toFixed(2)}万元`);
    const photo = await page(`${url}/photos/${published.photos[0].id}`);
    expect(photo.status).toBe(200);
    // The report as the town prints it: the same figures, the practices, the evaluation, in Word and A4 PDF.
    const pdf = await secretary.get(`/api/showcases/${showcase.id}/report.pdf`);
    expect(filename(pdf)).toBe('党建引领乡村治理情况报告.pdf');
    const text = pdfText(pdf);
    for (const part of [`${year}年开展组织生活${published.figures.activitiesHeld}次`, `党员人数${published.figures.members}名`, '支部建在网格上', '组织建设规范达到支委会记录12份', '邻县组织部']) expect(text).toContain(part);
    const docx = await docxText(await town.admin.get(`/api/showcases/${showcase.id}/report.docx`));
    expect(docx).toContain('治理成效明显');
    expect(docx).toContain(`${(published.figures.income.totalFen / WAN).toFixed(2)}万元`);
    expect((await otherSecretary.get(`/api/showcases/${showcase.id}/report.pdf`)).statusCode).toBe(404);
    // The secretary's edit takes it off the public site until the town publishes it again.
    await ok(await secretary.request('PUT', `/api/showcases/${showcase.id}/practices`, { practices: '改写中' }));
    expect((await page(url)).status).toBe(404);
  });
});

describe('20.6 党建动态 and the town site', () => {
  let post: Json;

  it('draft → approved → published by a second admin; the drafter can do neither', async () => {
    post = await ok(await town.admin.post('/api/news', POST));
    expect(post).toMatchObject({ status: 'draft', can: { approve: false, publish: false } });
    post = await upload(town.admin, `/api/news/${post.id}/images`, '会议现场');
    expect((await town.admin.post(`/api/news/${post.id}/approve`)).json().message).toContain('不能审核自己撰写的动态');
    expect((await secretary.get(`/api/news/${post.id}`)).statusCode).toBe(404);
    expect((await secretary.get('/api/news')).statusCode).toBe(403);
    expect((await admin2.post(`/api/news/${post.id}/publish`)).json().message).toContain('须先经审核');
    post = await ok(await admin2.post(`/api/news/${post.id}/approve`));
    expect(post.status).toBe('approved');
    expect((await town.admin.post(`/api/news/${post.id}/publish`)).statusCode).toBe(400);
    expect((await page(`/public/towns/${town.code}/news/${post.id}`)).status).toBe(404);
    post = await ok(await admin2.post(`/api/news/${post.id}/publish`));
    expect(post.status).toBe('published');
    const [row] = (await ctx.pool.query('select scanned_at from town_news where id = $1', [post.id])).rows;
    expect(row.scanned_at).not.toBeNull();
  });

  it('publishing refuses an ID or mobile number, naming the field and line in Chinese', async () => {
    const id = testIdNumber('1975-06-01');
    const draft = await ok(await town.admin.post('/api/news', { ...POST, title: '第二条动态', body: `第一段。\n身份证${id}` }));
    await ok(await admin2.post(`/api/news/${draft.id}/approve`));
    const refused = await admin2.post(`/api/news/${draft.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('正文第2行含身份证号');
    expect(refused.json().message).not.toContain(id);
    expect(refused.json().fields[0].path).toBe('body');
    const mobile = await ok(await town.admin.patch(`/api/news/${draft.id}`, { ...POST, summary: '联系13912345678' }));
    expect(mobile.status).toBe('draft');
    await ok(await admin2.post(`/api/news/${draft.id}/approve`));
    expect((await admin2.post(`/api/news/${draft.id}/publish`)).json().message).toContain('摘要含手机号');
    expect((await page(`/public/towns/${town.code}/news/${draft.id}`)).status).toBe(404);
  });

  it('the public site: published posts only, share metadata, showcases and the villages\' pages', async () => {
    const home = await page(`/public/towns/${town.code}`);
    expect(home.status).toBe(200);
    expect(home.headers['cache-control']).toBe('public, max-age=300');
    expect(home.text).toContain(POST.title);
    expect(home.text).not.toContain('第二条动态');
    expect(home.text).toContain(`/public/villages/${town.villageCode}`);
    expect(home.text).toContain(`/public/towns/${town.code}/products`);
    expect(home.text).not.toContain('<script');
    const article = await page(`/public/towns/${town.code}/news/${post.id}`);
    expect(article.status).toBe(200);
    expect(article.text).toContain(`<meta property="og:title" content="${POST.title}">`);
    expect(article.text).toContain(`<meta property="og:description" content="${POST.summary}">`);
    const image = /<meta property="og:image" content="(https?:\/\/[^"]+)">/.exec(article.text);
    expect(image).not.toBeNull();
    const imagePath = new URL(image![1]).pathname;
    expect(article.text).toContain(`<img src="${imagePath}"`);
    expect((await page(imagePath)).headers['content-type']).toBe('image/jpeg');
    expect((await page(`/public/towns/${town.code}/news/99999999`)).status).toBe(404);
    expect((await page('/public/towns/000000/news/1')).status).toBe(404);
    await ok(await admin2.post(`/api/news/${post.id}/withdraw`));
    expect((await page(`/public/towns/${town.code}/news/${post.id}`)).status).toBe(404);
    expect((await page(imagePath)).status).toBe(404);
  });

  it('the public site shows this year\'s 村民说事 counts per village and for the town — the records\' counts, never a name or a text', async () => {
    const { rows: [v] } = await ctx.pool.query('select v.name from organizations o join villages v on v.id = o.village_id where o.id = $1', [village.id]);
    const add = (n: number, on: string, stage: string, extra: Record<string, string | null> = {}) => ctx.pool.query(`insert into matters
        (tenant_id, organization_id, receipt, source, category, title, content, raiser_name, raised_on, stage, handled_on, rating, rated_on)
      values ($1, $2, $3, 'walk_in', 'livelihood', '公开统计测试事项', '不应公开的内容', '不应公开的姓名', $4, $5, $6, $7, $8)`,
    [town.tenantId, village.id, `PUBSTAT${n}AAAAA`.slice(0, 12), on, stage, extra.handledOn ?? null, extra.rating ?? null, extra.ratedOn ?? null]);
    await add(1, `${year}-01-02`, 'raised');
    await add(2, `${year}-01-03`, 'handled', { handledOn: `${year}-01-20` });
    await add(3, `${year}-01-04`, 'rated', { handledOn: `${year}-01-21`, rating: 'satisfied', ratedOn: `${year}-01-25` });
    await add(4, `${year}-01-05`, 'rated', { handledOn: `${year}-01-22`, rating: 'dissatisfied', ratedOn: `${year}-01-26` });
    await add(5, `${year - 1}-03-01`, 'rated', { handledOn: `${year - 1}-03-20`, rating: 'satisfied', ratedOn: `${year - 1}-03-25` });
    // The expected line is the records' own count, by the same year rule: raised, 办结 and rated in the year.
    const { rows: [c] } = await ctx.pool.query(`select count(*) filter (where extract(year from raised_on) = $2)::int as raised,
        count(*) filter (where extract(year from handled_on) = $2)::int as handled,
        count(*) filter (where extract(year from rated_on) = $2 and rating = 'satisfied')::int as satisfied,
        count(*) filter (where extract(year from rated_on) = $2 and rating = 'dissatisfied')::int as dissatisfied
      from matters where organization_id = $1`, [village.id, year]);
    expect(c).toEqual({ raised: 4, handled: 3, satisfied: 1, dissatisfied: 1 });
    const home = await page(`/public/towns/${town.code}`);
    expect(home.text).toContain(`<tr><td>${v.name}</td><td>4</td><td>3</td><td>1</td><td>0</td><td>1</td></tr>`);
    expect(home.text).toContain('<tr><td>全镇</td><td>4</td><td>3</td><td>1</td><td>0</td><td>1</td></tr>');
    for (const secret of ['公开统计测试事项', '不应公开的内容', '不应公开的姓名']) expect(home.text).not.toContain(secret);
  });
});
