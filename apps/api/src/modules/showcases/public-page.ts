/**
 * The town's public site (issue 20 point 6), no sign-in, no script, phone first in the village pages' frame: the home
 * page (党建动态, 示范点, the villages' pages, 一村一品), a post with its share metadata (og:title, og:description, og:image:
 * a link pasted into WeChat shows a title, a summary and a picture), and a showcase with its live figures. Only
 * published content; every value escaped. The scan for personal numbers ran at publishing and is not repeated here.
 */
import { CRITERION_RESULT_LABELS, NEWS_IMAGE_LINE, SHOWCASE_STATUS_LABELS, todayInShanghai, type MatterPublicStats } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { beijingDate, esc, publicPageLayout } from '../disclosure/index.js';
import { publicMatterStats } from '../matters/index.js';
import { figuresOf } from './figures.js';
import { townByCode } from './news-repository.js';
import * as repo from './public-repository.js';
import { evaluationsOf } from './repository.js';

const FOOTER = '本站内容由镇党委审核后发布。如有疑问,可向镇党委反映。';
const HOME_NEWS = 20;
const gone = () => notFound('公开内容');
const townUrl = (code: string) => `/public/towns/${encodeURIComponent(code)}`;
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

async function town(db: DbOrTx, code: string) {
  const t = await townByCode(db, code);
  if (!t) throw gone();
  return t;
}

const header = (title: string, sub: string) => `<header><h1>${esc(title)}</h1><div class="m" style="color:#fde">${esc(sub)}</div></header><main>`;

/** GET /public/towns/:code. */
export async function townHomePage(db: DbOrTx, code: string): Promise<string> {
  const t = await town(db, code);
  const [news, showcases, villages, matters] = await Promise.all([
    repo.publishedNews(db, t.id, HOME_NEWS), repo.publishedShowcases(db, t.id), repo.villagesOfTown(db, t.id), publicMatterStats(db, t.id),
  ]);
  const base = townUrl(t.code);
  const newsList = news.map((p) => `<section class="c"><a href="${esc(`${base}/news/${p.id}`)}"><b>${esc(p.title)}</b></a>`
    + `<div class="m">${esc(p.publishedAt ? beijingDate(p.publishedAt.toISOString()) : '')} · ${esc(p.author)}</div><p>${esc(p.summary)}</p></section>`).join('');
  const showcaseList = showcases.map((s) => `<section class="c"><a href="${esc(`${base}/showcases/${s.id}`)}"><b>${esc(s.name)}</b></a>`
    + `<span class="t">${esc(SHOWCASE_STATUS_LABELS[s.status])}</span><div class="m">${esc(s.organizationName)} · ${esc(s.theme)}</div></section>`).join('');
  const villageLinks = villages.map((v) => `<a href="/public/villages/${esc(v.code)}">${esc(v.name)}</a>`).join('');
  const parts = [header(`${t.name}党建`, '党建动态 · 示范点 · 村务公开'),
    `<nav aria-label="本页栏目"><a href="#news">党建动态</a><a href="#showcases">党建示范点</a><a href="#matters">村民说事</a><a href="#villages">各村公开</a><a href="${esc(`${base}/products`)}">一村一品</a></nav>`,
    '<h2 id="news">党建动态</h2>', newsList || '<section class="c m">暂无发布的动态。</section>',
    '<h2 id="showcases">党建示范点</h2>', showcaseList || '<section class="c m">暂无公开的示范点。</section>',
    `<h2 id="matters">${todayInShanghai().slice(0, 4)}年村民说事</h2>`, mattersTable(matters),
    '<h2 id="villages">各村三务公开</h2>', villageLinks ? `<nav aria-label="各村三务公开">${villageLinks}</nav>` : '<section class="c m">暂无村庄。</section>', '</main>'];
  return publicPageLayout(`${t.name}党建`, parts.join(''), { description: `${t.name}的党建动态、党建示范点和各村三务公开。`, footer: FOOTER });
}

/** 村民说事 (issue 20 point 6): the year's counts per village and for the town — numbers only, never a name or a text. */
function mattersTable(rows: MatterPublicStats[]): string {
  if (!rows.some((r) => r.raised + r.handled + r.satisfied + r.basically + r.dissatisfied > 0)) return '<section class="c m">今年暂无村民说事。</section>';
  const keys = ['raised', 'handled', 'satisfied', 'basically', 'dissatisfied'] as const;
  const total = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<(typeof keys)[number], number>;
  const line = (name: string, r: Record<(typeof keys)[number], number>) => `<tr><td>${esc(name)}</td>${keys.map((k) => `<td>${r[k]}</td>`).join('')}</tr>`;
  return '<section class="c"><table style="width:100%;border-collapse:collapse;text-align:center" data-matters>'
    + '<tr><th style="text-align:left">村</th><th>说事</th><th>办结</th><th>满意</th><th>基本满意</th><th>不满意</th></tr>'
    + rows.map((r) => line(r.villageName, r)).join('') + line('全镇', total) + '</table>'
    + '<div class="m">按今年提出、办结和评议的件数统计;只公开数量,不公开说事人和内容。</div></section>';
}

/** Paragraphs split at blank lines; a line [图片N] places the post's Nth image there. */
function renderBody(body: string, imageUrl: (n: number) => string | undefined): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => { if (paragraph.length) out.push(`<p>${esc(paragraph.join('\n'))}</p>`); paragraph = []; };
  for (const line of body.split(/\r?\n/)) {
    const image = NEWS_IMAGE_LINE.exec(line.trim());
    const url = image ? imageUrl(Number(image[1])) : undefined;
    if (url) { flush(); out.push(`<p><img src="${esc(url)}" alt="" style="max-width:100%;height:auto"></p>`); } else if (!line.trim()) flush(); else paragraph.push(line);
  }
  flush();
  return out.join('');
}

const meta = (property: string, content: string) => `<meta property="${property}" content="${esc(content)}">`;

/** GET /public/towns/:code/news/:id; `origin` makes og:image absolute, as WeChat needs. */
export async function newsPage(db: DbOrTx, code: string, id: number, origin: string): Promise<string> {
  const t = await town(db, code);
  const post = await repo.publishedNewsOne(db, t.id, id);
  if (!post) throw gone();
  const images = await repo.newsImageIds(db, id);
  const url = `${townUrl(t.code)}/news/${id}`;
  const imageUrl = (n: number) => (images[n - 1] ? `${url}/images/${images[n - 1].id}` : undefined);
  const fallback = images.length ? undefined : await repo.firstShowcasePhoto(db, t.id);
  const shareImage = images.length ? imageUrl(1) : fallback && `${townUrl(t.code)}/showcases/${fallback.showcaseId}/photos/${fallback.id}`;
  const head = [meta('og:type', 'article'), meta('og:title', post.title), meta('og:description', post.summary), meta('og:url', `${origin}${url}`),
    shareImage ? meta('og:image', `${origin}${shareImage}`) : '', `<meta name="description" content="${esc(post.summary)}">`].join('');
  const date = post.publishedAt ? beijingDate(post.publishedAt.toISOString()) : '';
  const body = [header(post.title, `${t.name}党建动态`), `<nav><a href="${esc(townUrl(t.code))}">← ${esc(t.name)}党建</a></nav>`,
    `<section class="c"><div class="m">${esc(date)} · ${esc(post.author)}</div>${renderBody(post.body, imageUrl)}</section></main>`];
  return publicPageLayout(`${post.title} - ${t.name}`, body.join(''), { head, footer: FOOTER });
}

/** GET /public/towns/:code/showcases/:id: the practices, photos and the branch's figures counted from the records now. */
export async function showcasePage(db: DbOrTx, code: string, id: number, today = todayInShanghai()): Promise<string> {
  const t = await town(db, code);
  const s = await repo.publishedShowcase(db, t.id, id);
  if (!s) throw gone();
  const year = Number(today.slice(0, 4));
  const [figures, photos, visits, evaluations] = await Promise.all([
    figuresOf(db, s, today), repo.showcasePhotoIds(db, id), repo.visitsSince(db, id, `${year}-01-01`), evaluationsOf(db, [id]),
  ]);
  const url = `${townUrl(t.code)}/showcases/${id}`;
  const figureRows = [[`${year}年开展组织生活`, `${figures.activitiesHeld}次`], ['党员人数', `${figures.members}名`],
    ...(figures.income ? [[`${figures.income.year}年村集体收入`, `${wan(figures.income.totalFen)}万元`]] : []),
    [`${year}年接待参观`, `${visits.times}批${visits.people}人次`]];
  const last = evaluations[0];
  const parts = [header(s.name, `${s.organizationName} · ${s.theme}`), `<nav><a href="${esc(townUrl(t.code))}">← ${esc(t.name)}党建</a></nav>`,
    s.summary ? `<section class="c"><p>${esc(s.summary)}</p></section>` : '',
    // Each figure block is one table row: 村民说事's figures (the matters module) join as further rows.
    `<h2>实时数据</h2><table><tbody>${figureRows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`,
    '<p class="m">数据来自平台登记的组织生活、党员和经镇审核的集体收入,实时统计。</p>',
    s.practices ? `<h2>经验做法</h2><section class="c">${renderBody(s.practices, () => undefined)}</section>` : '',
    photos.length ? `<h2>图片</h2>${photos.map((p) => `<section class="c"><img src="${esc(`${url}/photos/${p.id}`)}" alt="" style="max-width:100%;height:auto">${p.caption ? `<div class="m">${esc(p.caption)}</div>` : ''}</section>`).join('')}` : '',
    last ? `<h2>${last.year}年度评估</h2><section class="c">${last.items.map((i) => `<div>${esc(i.criterionName)}:${esc(CRITERION_RESULT_LABELS[i.result])}</div>`).join('')}</section>` : '',
    '</main>'];
  return publicPageLayout(`${s.name} - ${t.name}`, parts.join(''), { description: `${t.name}党建示范点:${s.organizationName} · ${s.theme}`, footer: FOOTER });
}

export async function newsImage(db: DbOrTx, code: string, newsId: number, imageId: number) {
  const t = await town(db, code);
  const image = await repo.publishedNewsImage(db, t.id, newsId, imageId);
  if (!image) throw gone();
  return image;
}

export async function showcasePhoto(db: DbOrTx, code: string, showcaseId: number, photoId: number) {
  const t = await town(db, code);
  const photo = await repo.publishedShowcasePhoto(db, t.id, showcaseId, photoId);
  if (!photo) throw gone();
  return photo;
}
