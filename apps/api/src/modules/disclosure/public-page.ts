/**
 * The village's public page as plain HTML: no script, inline CSS, readable on a cheap phone over a weak
 * connection. The list shows titles and a short excerpt (a year of disclosures stays well under 30 KB); the
 * full text and tables are on each disclosure's own page. Every value is escaped. Pure: data in, string out.
 */
import type { PublicDisclosure, PublicVillageDisclosures } from '@dj/contracts';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_CATEGORY_LABELS, DISCLOSURE_CORRECTED_LABEL } from '@dj/contracts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const CSS = `body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f6f6f6}
header{background:#c8161d;color:#fff;padding:12px 16px}h1{font-size:20px;margin:0}h2{font-size:17px;margin:20px 0 8px;border-left:4px solid #c8161d;padding-left:8px}
main{max-width:720px;margin:0 auto;padding:0 12px 24px}section.c{background:#fff;border-radius:6px;padding:10px 12px;margin:8px 0}
.m{color:#666;font-size:13px}a{color:#c8161d}p{margin:6px 0;white-space:pre-wrap}table{border-collapse:collapse;width:100%;font-size:14px;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;white-space:nowrap}th{background:#fafafa}.t{font-size:12px;color:#c8161d;border:1px solid #c8161d;border-radius:3px;padding:0 4px;margin-left:4px}
ol{padding-left:20px;margin:4px 0}footer{color:#888;font-size:12px;text-align:center;padding:16px}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${esc(title)}</title><style>${CSS}</style></head><body>${body}`
    + '<footer>本页内容由村党组织按三务公开程序审核、审批后公开。如有疑问,可向村务监督委员会或镇党委反映。</footer></body></html>';
}

const date = (iso: string) => iso.slice(0, 10);
const EXCERPT = 80;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s);

function disclosureCard(code: string, d: PublicDisclosure): string {
  const link = `/public/villages/${encodeURIComponent(code)}/disclosures/${d.id}`;
  const extras = [d.table ? `表格${d.table.rows.length}行` : '', d.attachments.length ? `附件${d.attachments.length}个` : ''].filter(Boolean).join(' · ');
  return `<section class="c"><a href="${esc(link)}"><b>${esc(d.title)}</b></a>`
    + `<div class="m">${esc(d.period)} · ${esc(date(d.publishedAt))}公开${extras ? ` · ${esc(extras)}` : ''}</div>`
    + (d.content ? `<p>${esc(excerpt(d.content))}</p>` : '') + '</section>';
}

export function renderVillagePage(data: PublicVillageDisclosures): string {
  const { village } = data;
  const parts: string[] = [`<header><h1>${esc(village.name)}三务公开</h1><div class="m" style="color:#fde">党务 · 村务 · 财务</div></header><main>`];
  for (const category of DISCLOSURE_CATEGORIES) {
    const items = data.disclosures.filter((d) => d.category === category);
    parts.push(`<h2>${esc(DISCLOSURE_CATEGORY_LABELS[category])}</h2>`);
    parts.push(items.length ? items.map((d) => disclosureCard(village.code, d)).join('') : '<section class="c m">暂无公开内容</section>');
  }
  if (data.notices.length) {
    parts.push('<h2>公示</h2>');
    for (const n of data.notices) {
      parts.push(`<section class="c"><b>${esc(n.stageLabel)}公示</b><div class="m">${esc(n.startsOn)} 至 ${esc(n.endsOn)}</div><p>${esc(n.content)}</p></section>`);
    }
  }
  if (data.microPower.length) {
    parts.push('<h2>小微权力清单</h2>');
    for (const m of data.microPower) {
      parts.push(`<section class="c"><b>${esc(m.name)}</b><span class="t">${esc(m.area)}</span><div class="m">依据:${esc(m.legalBasis)}</div>`
        + `<ol>${m.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></section>`);
    }
  }
  if (data.microPowerUses.length) {
    parts.push('<h2>小微权力运行公开</h2>');
    for (const u of data.microPowerUses) {
      parts.push(`<section class="c"><b>${esc(u.subject)}</b><span class="t">${esc(u.itemName)}</span><div class="m">${esc(u.startedOn)} 起</div>`
        + `<ol>${u.steps.map((st) => `<li>${esc(st.name)}${st.doneOn ? `(${esc(st.doneOn)})` : '(未办)'}</li>`).join('')}</ol></section>`);
    }
  }
  parts.push('</main>');
  return layout(`${village.name}三务公开`, parts.join(''));
}

export function renderDisclosurePage(village: { code: string; name: string }, d: PublicDisclosure): string {
  const back = `/public/villages/${encodeURIComponent(village.code)}`;
  const table = d.table
    ? `<table><thead><tr>${d.table.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`
      + d.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>'
    : '';
  const files = d.attachments.length
    ? `<h2>附件</h2><section class="c">${d.attachments.map((f) => `<div><a href="/api/public/files/${f.id}">${esc(f.name)}</a></div>`).join('')}</section>`
    : '';
  const body = `<header><h1>${esc(d.title)}</h1><div class="m" style="color:#fde">${esc(village.name)} · ${esc(DISCLOSURE_CATEGORY_LABELS[d.category])}</div></header><main>`
    + `<p class="m"><a href="${esc(back)}">← 返回${esc(village.name)}三务公开</a></p>`
    + `<section class="c"><div class="m">公开期间 ${esc(d.period)} · ${esc(date(d.publishedAt))}公开${d.corrected ? `<span class="t">${DISCLOSURE_CORRECTED_LABEL}</span>` : ''}</div>`
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
