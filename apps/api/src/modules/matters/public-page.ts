/**
 * The public pages of 村民说事 (issue 20 point 2): the form, the receipt, the status page and the 公开栏 poster with its
 * QR code. Plain HTML in the village pages' frame (no script), every value escaped. The status page shows category,
 * stage and the village's reply: never the name, the phone or what was said.
 */
import QRCode from 'qrcode';
import { MATTER_CATEGORIES, MATTER_CATEGORY_LABELS, MATTER_LIMITS as L, MATTER_RATING_LABELS, MATTER_STAGE_LABELS, MATTER_STEP_TITLES, type MatterStage } from '@dj/contracts';
import { esc, publicPageLayout } from '../disclosure/index.js';
import type { PublicStatus } from './public-service.js';

const FORM_CSS = '<style>label{display:block;margin:10px 0 4px;font-weight:600}input[type=text],input[type=tel],select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #ccc;border-radius:4px}'
  + 'textarea{min-height:140px}button{margin-top:14px;width:100%;padding:12px;font:inherit;font-size:17px;color:#fff;background:#c8161d;border:0;border-radius:6px}'
  + '.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}.err{color:#c8161d}.steps{display:flex;gap:4px}.steps span{flex:1;text-align:center;padding:6px 0;background:#eee;border-radius:4px}'
  + '.steps span.on{background:#c8161d;color:#fff}.receipt{font-size:24px;letter-spacing:2px;font-weight:700}</style>';

export const formUrl = (code: string) => `/public/villages/${encodeURIComponent(code)}/matters/new`;
export const statusUrl = (receipt: string) => `/public/matters/${encodeURIComponent(receipt)}`;
const header = (title: string, sub: string) => `<header><h1>${esc(title)}</h1><div class="m" style="color:#fde">${esc(sub)}</div></header>`;

export const CONSENT = '我同意村党组织为办理本事项使用以上信息:姓名和电话只用于联系本人、告知办理结果,电话加密保存,不在任何公开页面显示;'
  + '可以不留姓名和电话,凭回执编号查看办理进度。';

export function formPage(village: { name: string; code: string }, problems: string[] = [], values: Record<string, string> = {}): string {
  const v = (k: string) => esc(values[k] ?? '');
  const options = MATTER_CATEGORIES.map((c) => `<option value="${c}"${values.category === c ? ' selected' : ''}>${esc(MATTER_CATEGORY_LABELS[c])}</option>`).join('');
  const body = `${FORM_CSS}${header(`${village.name}村民说事`, '有事您说话:矛盾纠纷、民生诉求、发展建议、村务监督')}<main>`
    + (problems.length ? `<section class="c err">${problems.map((p) => `<p>${esc(p)}</p>`).join('')}</section>` : '')
    + `<form method="post" action="/public/villages/${esc(encodeURIComponent(village.code))}/matters"><section class="c">`
    + `<label for="category">类别</label><select id="category" name="category" required>${options}</select>`
    + `<label for="content">想说的事(${L.content}字以内)</label><textarea id="content" name="content" maxlength="${L.content}" required>${v('content')}</textarea>`
    + `<label for="place">地点(可不填)</label><input type="text" id="place" name="place" maxlength="${L.place}" value="${v('place')}">`
    + `<label for="name">姓名(可不填)</label><input type="text" id="name" name="name" maxlength="${L.name}" value="${v('name')}">`
    + `<label for="phone">联系电话(可不填)</label><input type="tel" id="phone" name="phone" maxlength="20" value="${v('phone')}">`
    + '<div class="hp" aria-hidden="true"><label for="website">请勿填写</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>'
    + `<label><input type="checkbox" name="consent" value="yes" required> ${esc(CONSENT)}</label>`
    + '<button type="submit">提交</button></section></form>'
    + `<p class="m">提交后会得到回执编号,凭编号可查看办理进度。也可以在每月村民说事日当面反映。</p><nav><a href="/public/villages/${esc(encodeURIComponent(village.code))}">← 三务公开</a></nav></main>`;
  return publicPageLayout(`${village.name}村民说事`, body);
}

export function receiptPage(village: { name: string }, receipt: string): string {
  const body = `${FORM_CSS}${header(`${village.name}村民说事`, '已收到您反映的事项')}<main><section class="c">`
    + `<p>回执编号(请记下或截图):</p><p class="receipt">${esc(receipt)}</p>`
    + `<p>村党组织将在村民说事日或党群议事日研究,办理进度和答复可随时查看:</p><p><a href="${esc(statusUrl(receipt))}">查看办理进度</a></p></section></main>`;
  return publicPageLayout('已收到', body);
}

const STAGE_STEP: Record<MatterStage, number> = { raised: 0, discussed: 1, handled: 2, rated: 3 };

export function statusPage(s: PublicStatus): string {
  const at = STAGE_STEP[s.stage];
  const steps = MATTER_STEP_TITLES.map((t, i) => `<span class="${i <= at ? 'on' : ''}">${esc(t)}</span>`).join('');
  const rows = [['类别', MATTER_CATEGORY_LABELS[s.category]], ['提出日期', s.raisedOn], ['当前进度', MATTER_STAGE_LABELS[s.stage]],
    s.discussedOn ? ['议事日期', s.discussedOn] : null, s.stage === 'discussed' && s.dueOn ? ['办结期限', s.dueOn] : null,
    s.handledOn ? ['办结日期', s.handledOn] : null, s.rating ? ['群众评议', MATTER_RATING_LABELS[s.rating]] : null,
    s.reopenCount ? ['说明', '群众评议不满意,已重新办理'] : null].filter((r): r is string[] => r !== null);
  const body = `${FORM_CSS}${header(`${s.villageName}村民说事`, `回执编号 ${s.receipt}`)}<main><section class="c"><div class="steps">${steps}</div></section>`
    + `<section class="c">${rows.map(([k, val]) => `<p><b>${esc(k)}:</b>${esc(val)}</p>`).join('')}</section>`
    + `<h2>村里的答复</h2><section class="c"><p>${s.reply ? esc(s.reply) : '<span class="m">暂无答复,请耐心等候。</span>'}</p></section>`
    + `<p class="m">本页只显示办理进度和答复,不显示反映人的姓名、电话和反映内容。</p></main>`;
  return publicPageLayout(`村民说事办理进度`, body);
}

/** The 公开栏 poster: an A4 page with the form's QR code (SVG, printed sharp at any size). */
export async function posterPage(village: { name: string; code: string }, origin: string): Promise<string> {
  const url = `${origin}${formUrl(village.code)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const body = '<style>@page{size:A4;margin:15mm}main{text-align:center}.qr{width:110mm;margin:8mm auto}.qr svg{width:100%;height:auto}h1{font-size:30px}</style>'
    + `${header(`${village.name}村民说事`, '扫一扫,有事您说话')}<main><h2>矛盾纠纷 · 民生诉求 · 发展建议 · 村务监督</h2>`
    + `<div class="qr">${svg}</div><p>用手机扫描二维码,填写想说的事;可以不留姓名,凭回执编号查看办理进度。</p>`
    + `<p class="m">${esc(url)}</p><p>每月村民说事日(三日合一)也可以当面反映。</p></main>`;
  return publicPageLayout(`${village.name}村民说事二维码`, body);
}
