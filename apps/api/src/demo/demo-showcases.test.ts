import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsList, ShowcaseList } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../test/context.js';
import { DEMO_TENANT_CODE } from './index.js';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
});
afterAll(async () => { await ctx.close(); });

describe('demo 党建示范点 and 党建动态 of 西王庄镇 (issue 20 point 8)', () => {
  it('the article\'s five showcases, evaluated last year, on the town\'s public site with the published posts only', async () => {
    const list = (await admin.get('/api/showcases')).json() as ShowcaseList;
    expect(list.items.map((s) => s.organizationName)).toEqual(expect.arrayContaining(['营子村党支部', '西花沟村党支部', '付刘耀村党支部', '康力医疗党支部', '泰和水处理党支部']));
    expect(list.items).toHaveLength(5);
    for (const s of list.items) expect(s).toMatchObject({ published: true, lastEvaluation: { conclusion: 'keep' } });
    const news = (await admin.get('/api/news')).json() as NewsList;
    expect(news.items.filter((n) => n.status === 'published')).toHaveLength(18);
    expect(news.items.filter((n) => n.status === 'draft')).toHaveLength(2);
    const home = await ctx.app.inject({ method: 'GET', url: `/public/towns/${DEMO_TENANT_CODE}` });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('开通“西王庄党建”微信公众号');
    expect(home.body).toContain('付刘耀村“全程机械化+综合农事服务”示范点');
    for (const draft of news.items.filter((n) => n.status === 'draft')) expect(home.body).not.toContain(draft.title);
    // Every published post is shared with a picture: its own image, or the town's showcase photo.
    for (const n of news.items.filter((p) => p.status === 'published').slice(0, 8)) {
      const article = await ctx.app.inject({ method: 'GET', url: `/public/towns/${DEMO_TENANT_CODE}/news/${n.id}` });
      const image = /<meta property="og:image" content="https?:\/\/[^/"]+([^"]+)">/.exec(article.body);
      expect(image, n.title).not.toBeNull();
      expect((await ctx.app.inject({ method: 'GET', url: image![1] })).headers['content-type']).toBe('image/jpeg');
    }
  });
});
