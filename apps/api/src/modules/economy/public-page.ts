/**
 * 集体经济 on the public pages (issue 18 point 6), no sign-in: a village's 一村一品 and its collective income of last
 * year as the town approved it (only an approved version, and only while the town's setting economy.publishIncome is
 * on), and the town's list of products. Plain HTML in the village pages' frame; every value escaped.
 */
import { INCOME_SOURCE_LABELS, INCOME_SOURCES, PRODUCT_CATEGORY_LABELS, operatingIncomeOf, todayInShanghai, totalIncomeOf, type IncomeAmounts, type PublicProduct } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { esc, publicPageLayout } from '../disclosure/index.js';
import { settingValue } from '../settings/index.js';
import { villageProducts } from './products-service.js';
import * as repo from './public-repository.js';

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
const gone = () => notFound('公开内容');

function productCard(pr: PublicProduct): string {
  const figures = [pr.areaMu !== null ? `${pr.areaMu}亩` : '', pr.outputAmount !== null ? `产量${pr.outputAmount}${pr.outputUnit ?? ''}` : '',
    pr.valueFen !== null ? `产值${wan(pr.valueFen)}万元` : '', pr.households !== null ? `带动${pr.households}户` : ''].filter(Boolean).join(' · ');
  return `<section class="c"><b>${esc(pr.name)}</b><span class="t">${esc(PRODUCT_CATEGORY_LABELS[pr.category])}</span>`
    + `<div class="m">${pr.naturalVillage ? `${esc(pr.naturalVillage)} · ` : ''}${esc(figures)}${pr.figuresYear ? `(${pr.figuresYear}年)` : ''}</div>`
    + (pr.brand ? `<p>品牌/认证:${esc(pr.brand)}</p>` : '') + '</section>';
}

function incomeTable(year: number, a: IncomeAmounts): string {
  const rows = [...INCOME_SOURCES.map((s) => [INCOME_SOURCE_LABELS[s], wan(a[s])]), ['经营性收入', wan(operatingIncomeOf(a))], ['总收入', wan(totalIncomeOf(a))]];
  return `<table class="k"><thead><tr><th>收入项目</th><th>${year}年(万元)</th></tr></thead><tbody>`
    + rows.map(([k, v]) => `<tr><td data-h="收入项目">${esc(k)}</td><td data-h="${year}年(万元)">${esc(v)}</td></tr>`).join('') + '</tbody></table>';
}

/** GET /public/villages/:code/economy. */
export async function villageEconomyPage(db: DbOrTx, code: string, today = todayInShanghai()): Promise<string> {
  const village = await repo.villageByCode(db, code);
  if (!village) throw gone();
  const year = Number(today.slice(0, 4)) - 1;
  const products = await villageProducts(db, village.id);
  const published = (await settingValue(db, village.tenantId, 'economy.publishIncome')) === 1;
  const income = published ? await repo.approvedYearOfVillage(db, village.id, year) : undefined;
  const parts = [`<header><h1>${esc(village.name)}集体经济</h1><div class="m" style="color:#fde">一村一品 · 村集体收入</div></header><main>`,
    `<nav><a href="/public/villages/${esc(village.code)}">← 三务公开</a></nav>`, '<h2>一村一品</h2>',
    products.length ? products.map(productCard).join('') : '<section class="c m">暂未登记一村一品。</section>',
    `<h2>${year}年村集体收入</h2>`,
    income ? `${incomeTable(year, income)}<p class="m">经镇党委审核的数字;经营性收入=经营收入+发包及上交收入+投资收益。</p>` : `<section class="c m">${year}年村集体收入尚未经镇审核公开。</section>`,
    '</main>'];
  return publicPageLayout(`${village.name}集体经济`, parts.join(''), { description: `${village.name}的一村一品和经镇审核的${year}年村集体收入。` });
}

/** GET /public/towns/:code/products: every village's 一村一品 of the town, each village linked to its page. */
export async function townProductsPage(db: DbOrTx, code: string): Promise<string> {
  const town = await repo.townByCode(db, code);
  if (!town) throw gone();
  const rows = await repo.productsOfTown(db, town.id);
  const list = rows.map((r) => `<section class="c"><b>${esc(r.name)}</b><span class="t">${esc(PRODUCT_CATEGORY_LABELS[r.category])}</span>`
    + `<div class="m"><a href="/public/villages/${esc(r.villageCode)}/economy">${esc(r.villageName)}</a>${r.brand ? ` · ${esc(r.brand)}` : ''}</div></section>`).join('');
  return publicPageLayout(`${town.name}一村一品`, `<header><h1>${esc(town.name)}一村一品</h1></header><main>${list || '<section class="c m">暂未登记一村一品。</section>'}</main>`,
    { description: `${town.name}各村的一村一品(${rows.length}项)。` });
}
