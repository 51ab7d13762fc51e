/**
 * The village's public page as plain HTML: no script, inline CSS, readable on a cheap phone over a weak
 * connection. The list shows titles and a short excerpt (a year of disclosures stays well under 30 KB); the
 * full text and tables are on each disclosure's own page. Every value is escaped. Pure: data in, string out.
 */
import type { PublicDisclosure, PublicVillageDisclosures } from '@dj/contracts';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_CATEGORY_LABELS, DISCLOSURE_CORRECTED_LABEL, todayInShanghai } from '@dj/contracts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const CSS = `body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f6;overflow-wrap:anywhere}
header{background:#c8161d;color:#fff;padding:12px 16px}h1{font-size:20px;margin:0}h2{font-size:17px;margin:16px 0 6px;border-left:4px solid #c8161d;padding-left:8px}
main{max-width:720px;margin:0 auto;padding:0 12px 24px}section.c{background:#fff;border-radius:6px;padding:8px 12px;margin:6px 0}
.m{color:#666;font-size:13px}a{color:#c8161d}p{margin:4px 0;white-space:pre-wrap}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left}th{background:#fafafa}.t{font-size:12px;color:#c8161d;border:1px solid #c8161d;border-radius:3px;padding:0 4px;margin-left:4px}
ol{padding-left:20px;margin:4px 0}footer{color:#595959;font-size:12px;text-align:center;padding:16px}nav{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0 0;font-size:15px}
details{background:#fff;border-radius:6px;margin:6px 0;padding:8px 12px}summary{cursor:pointer;font-weight:600}details section.c{padding:6px 0;margin:0;border-top:1px solid #eee;border-radius:0}
@media (max-width:600px){table.k thead{display:none}table.k,table.k tbody,table.k tr,table.k td{display:block}table.k tr{border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:4px 8px}
table.k td{border:0;padding:2px 0}table.k td::before{content:attr(data-h) "：";color:#666}}`;

/** The public pages' frame (CSS, footer); the economy module's village page uses it too. */
export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${esc(title)}</title><style>${CSS}</style></head><body>${body}`
    + '<footer>本页内容由村党组织按三务公开程序审核、审批后公开。如有疑问,可向村务监督委员会或镇党委反映。</footer></body></html>';
}

/** A stored instant as the villager's calendar date: Beijing time (UTC+8, no daylight saving), not the server's UTC. */
export function beijingDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
const EXCERPT = 60;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s);
const villageUrl = (code: string) => `/public/villages/${encodeURIComponent(code)}`;
export const microPowerUrl = (code: string) => `${villageUrl(code)}/micro-power`;

function disclosureCard(code: string, d: PublicDisclosure, withExcerpt: boolean): string {
  const link = `${villageUrl(code)}/disclosures/${d.id}`;
  const extras = [d.table ? `表格${d.table.rows.length}行` : '', d.attachments.length ? `附件${d.attachments.length}个` : ''].filter(Boolean).join(' · ');
  return `<section class="c"><a href="${esc(link)}"><b>${esc(d.title)}</b></a>`
    + `<div class="m">${esc(DISCLOSURE_CATEGORY_LABELS[d.category])} · ${esc(d.period)} · ${esc(beijingDate(d.publishedAt))}公开${extras ? ` · ${esc(extras)}` : ''}</div>`
    + (withExcerpt && d.content ? `<p>${esc(excerpt(d.content))}</p>` : '') + '</section>';
}

/**
 * The village page, phone first (issue 13 point 10): this month's 三务 and the latest 公示 on top, earlier
 * disclosures folded by category, the 小微权力清单 on a page of its own behind a link. No script: <details> folds.
 */
export function renderVillagePage(data: PublicVillageDisclosures, today = todayInShanghai()): string {
  const { village } = data;
  const month = today.slice(0, 7);
  const thisMonth = data.disclosures.filter((d) => beijingDate(d.publishedAt).slice(0, 7) === month);
  // Early in a month nothing may be out yet: the newest disclosure then stands in, said so.
  const top = thisMonth.length ? thisMonth : data.disclosures.slice(0, 1);
  const shown = new Set(top.map((d) => d.id));
  const monthText = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
  const powerCount = data.microPower.length + data.microPowerUses.length;
  const parts: string[] = [`<header><h1>${esc(village.name)}三务公开</h1><div class="m" style="color:#fde">党务 · 村务 · 财务</div></header><main>`,
    `<nav><a href="${esc(`${villageUrl(village.code)}/economy`)}">集体经济·一村一品</a><a href="#earlier">往期公开</a>`
    + (powerCount ? `<a href="${esc(microPowerUrl(village.code))}">小微权力清单 →</a>` : '') + '</nav>'];
  parts.push(`<h2>本月公开(${esc(monthText)})</h2>`);
  if (!thisMonth.length) parts.push(`<section class="c m">${esc(monthText)}暂无新公开${top.length ? ',以下为最近一次公开' : ''}。</section>`);
  parts.push(top.map((d) => disclosureCard(village.code, d, true)).join(''));
  if (data.notices.length) {
    parts.push('<h2>公示</h2>');
    const notices = [...data.notices].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    for (const n of notices) {
      parts.push(`<section class="c"><b>${esc(n.stageLabel)}公示</b><div class="m">${esc(n.startsOn)} 至 ${esc(n.endsOn)}</div><p>${esc(n.content)}</p></section>`);
    }
  }
  parts.push('<h2 id="earlier">往期公开</h2>');
  for (const category of DISCLOSURE_CATEGORIES) {
    const items = data.disclosures.filter((d) => d.category === category && !shown.has(d.id));
    parts.push(items.length
      ? `<details><summary>${esc(DISCLOSURE_CATEGORY_LABELS[category])}(${items.length})</summary>${items.map((d) => disclosureCard(village.code, d, false)).join('')}</details>`
      : `<section class="c m">${esc(DISCLOSURE_CATEGORY_LABELS[category])}:暂无往期公开</section>`);
  }
  if (powerCount) {
    parts.push(`<section class="c"><a href="${esc(microPowerUrl(village.code))}"><b>小微权力清单与运行公开</b></a>`
      + `<div class="m">${data.microPower.length}项权力事项${data.microPowerUses.length ? ` · ${data.microPowerUses.length}条运行记录` : ''}</div></section>`);
  }
  parts.push('</main>');
  return layout(`${village.name}三务公开`, parts.join(''));
}

/** The 小微权力清单 and its 运行公开, one link away from the village page. */
export function renderMicroPowerPage(data: Pick<PublicVillageDisclosures, 'village' | 'microPower' | 'microPowerUses'>): string {
  const { village } = data;
  const parts: string[] = [`<header><h1>${esc(village.name)}小微权力清单</h1></header><main>`,
    `<p class="m"><a href="${esc(villageUrl(village.code))}">← 返回${esc(village.name)}三务公开</a></p>`];
  parts.push('<h2>小微权力清单</h2>');
  if (!data.microPower.length) parts.push('<section class="c m">本村尚未公开小微权力清单</section>');
  for (const m of data.microPower) {
    parts.push(`<section class="c"><b>${esc(m.name)}</b><span class="t">${esc(m.area)}</span><div class="m">依据:${esc(m.legalBasis)}</div>`
      + `<ol>${m.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></section>`);
  }
  if (data.microPowerUses.length) {
    parts.push('<h2>小微权力运行公开</h2>');
    for (const u of data.microPowerUses) {
      parts.push(`<section class="c"><b>${esc(u.subject)}</b><span class="t">${esc(u.itemName)}</span><div class="m">${esc(u.startedOn)} 起</div>`
        + `<ol>${u.steps.map((st) => `<li>${esc(st.name)}${st.doneOn ? `(${esc(st.doneOn)})` : '(未办)'}</li>`).join('')}</ol></section>`);
    }
  }
  parts.push('</main>');
  return layout(`${village.name}小微权力清单`, parts.join(''));
}

export function renderDisclosurePage(village: { code: string; name: string }, d: PublicDisclosure): string {
  const back = villageUrl(village.code);
  // A table on a phone becomes one card per row (each cell labelled by its column), so nothing scrolls sideways.
  const table = d.table
    ? `<table class="k"><thead><tr>${d.table.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`
      + d.table.rows.map((r) => `<tr>${r.map((c, i) => `<td data-h="${esc(d.table!.header[i] ?? '')}">${esc(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>'
    : '';
  const files = d.attachments.length
    ? `<h2>附件</h2><section class="c">${d.attachments.map((f) => `<div><a href="/api/public/files/${f.id}">${esc(f.name)}</a></div>`).join('')}</section>`
    : '';
  const body = `<header><h1>${esc(d.title)}</h1><div class="m" style="color:#fde">${esc(village.name)} · ${esc(DISCLOSURE_CATEGORY_LABELS[d.category])}</div></header><main>`
    + `<p class="m"><a href="${esc(back)}">← 返回${esc(village.name)}三务公开</a></p>`
    + `<section class="c"><div class="m">公开期间 ${esc(d.period)} · ${esc(beijingDate(d.publishedAt))}公开${d.corrected ? `<span class="t">${DISCLOSURE_CORRECTED_LABEL}</span>` : ''}</div>`
    + (d.corrected ? '<p class="m">本公开已有更正,以最新公开内容为准。</p>' : '')
    + (d.content ? `<p>${esc(d.content)}</p>` : '') + table + '</section>' + files + '</main>';
  return layout(`${d.title} - ${village.name}`, body);
}

export function renderBusy(message: string): string {
  return layout('请稍后再试', `<header><h1>请稍后再试</h1></header><main><section class="c">${esc(message)}</section></main>`);
}

export function renderNotFound(): string {
  return layout('页面不存在', '<header><h1>页面不存在</h1></header><main><section class="c">没有找到这个村的公开内容,请核对链接。</section></main>');
}
