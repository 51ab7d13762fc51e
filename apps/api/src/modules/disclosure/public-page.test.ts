import { describe, expect, it } from 'vitest';
import type { PublicDisclosure, PublicVillageDisclosures } from '@dj/contracts';
import { beijingDate, renderDisclosurePage, renderMicroPowerPage, renderVillagePage } from './public-page.js';

const disclosure = (id: number, category: PublicDisclosure['category'], title: string, publishedAt: string, extra: Partial<PublicDisclosure> = {}): PublicDisclosure => ({
  id, category, period: publishedAt.slice(0, 7), title, content: `${title}的正文`.repeat(5), table: null, publishedAt, corrected: false, attachments: [], ...extra,
});

const village = { code: '370402105200', name: '营子村' };
const data: PublicVillageDisclosures = {
  village,
  // Newest first, as the service gives them.
  disclosures: [
    // 2026-07-31T17:00Z is 1 August 01:00 in Beijing: published this month for the villager.
    disclosure(3, 'finance', '八月财务收支', '2026-07-31T17:00:00.000Z'),
    disclosure(2, 'village', '七月村务', '2026-07-10T02:00:00.000Z'),
    disclosure(1, 'party', '六月党务', '2026-06-10T02:00:00.000Z'),
  ],
  microPower: [{ area: '村务', name: '宅基地审批', legalBasis: '土地管理法', steps: ['申请', '审核'] }],
  microPowerUses: [],
  notices: [
    { stage: 'candidate', stageLabel: '发展对象', startsOn: '2026-07-20', endsOn: '2026-07-26', content: '较早的公示' },
    { stage: 'admission', stageLabel: '接收预备党员', startsOn: '2026-08-01', endsOn: '2026-08-07', content: '最新的公示' },
  ],
};

describe('13.10 the villager’s page', () => {
  const html = renderVillagePage(data, '2026-08-03');
  const at = (s: string) => html.indexOf(s);

  it('opens with this month’s 三务 and the latest 公示, earlier disclosures folded below', () => {
    expect(at('本月公开(2026年8月)')).toBeGreaterThan(0);
    expect(at('八月财务收支')).toBeLessThan(at('<h2>公示</h2>'));
    expect(at('最新的公示')).toBeLessThan(at('较早的公示'));
    expect(at('较早的公示')).toBeLessThan(at('往期公开</h2>'));
    expect(at('七月村务')).toBeGreaterThan(at('往期公开</h2>'));
    expect(html).toContain('<details><summary>村务公开(1)</summary>');
  });

  it('keeps the 小微权力清单 behind a link to its own page', () => {
    expect(html).not.toContain('宅基地审批');
    expect(html).toContain('href="/public/villages/370402105200/micro-power"');
    const power = renderMicroPowerPage(data);
    expect(power).toContain('宅基地审批');
    expect(power).toContain('href="/public/villages/370402105200"');
  });

  it('prints public dates in Beijing time', () => {
    expect(beijingDate('2026-07-31T17:00:00.000Z')).toBe('2026-08-01');
    expect(html).toContain('2026-08-01公开');
    expect(html).not.toContain('2026-07-31公开');
  });

  it('says so when nothing is out yet this month and shows the latest instead', () => {
    const early = renderVillagePage(data, '2026-09-01');
    expect(early).toContain('2026年9月暂无新公开,以下为最近一次公开');
    expect(early.indexOf('八月财务收支')).toBeLessThan(early.indexOf('往期公开</h2>'));
  });

  it('labels each table cell with its column so a phone shows a row as a card', () => {
    const page = renderDisclosurePage(village, disclosure(4, 'finance', '财务', '2026-08-01T02:00:00.000Z', {
      table: { header: ['科目', '金额'], rows: [['办公费', '1200.00']] },
    }));
    expect(page).toContain('<td data-h="科目">办公费</td><td data-h="金额">1200.00</td>');
    expect(page).toContain('table.k td::before{content:attr(data-h)');
  });
});

describe('21.5 share metadata and icon on the public pages', () => {
  it('the village page has a description, og:title and og:description naming the village, the icon, zh-CN and a phone viewport', () => {
    const html = renderVillagePage(data, '2026-08-03');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(html).toMatch(/<meta name="description" content="营子村的党务、村务、财务公开[^"]*">/);
    expect(html).toContain('<meta property="og:title" content="营子村三务公开">');
    expect(html).toMatch(/<meta property="og:description" content="营子村[^"]+">/);
    expect(html).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it('a disclosure\'s description is its excerpt, escaped like the rest of the page', () => {
    const html = renderDisclosurePage(village, disclosure(9, 'finance', '收支', '2026-08-01T02:00:00.000Z', { content: '修路"款"<b>' }));
    expect(html).toContain('<meta name="description" content="营子村财务公开 · 2026-08:修路&quot;款&quot;&lt;b&gt;">');
  });
});

