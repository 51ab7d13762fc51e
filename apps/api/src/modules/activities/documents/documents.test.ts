import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ledgerDocx, ledgerPdf, minutesDocx, minutesPdf, signInSheetDocx, signInSheetPdf,
} from './activity-documents.js';
import { dengtaPackage } from './dengta-package.js';
import type { DocActivity, DocAttendee, DocLedger } from './types.js';

// These tests read the generated files back with the same tools a reviewer would use, because a
// PDF can be "valid" and still show empty boxes instead of Chinese text.
const tmp = mkdtempSync(join(tmpdir(), 'dj-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', args: string[]): string {
  // Fail, never skip: without poppler these checks would silently prove nothing.
  if (!existsSync(`/usr/bin/${tool}`)) throw new Error(`${tool} not found at /usr/bin/${tool}: install poppler-utils (apt-get install poppler-utils) to run the document tests`);
  return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

let fileNo = 0;
function inspectPdf(pdf: Buffer) {
  const file = join(tmp, `doc-${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return {
    text: poppler('pdftotext', ['-layout', file, '-']),
    fonts: poppler('pdffonts', [file]),
    info: poppler('pdfinfo', [file]),
  };
}

async function docxXml(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Word splits text into runs; joining the run texts makes assertions independent of that.
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { zip, xml, text, media, styles };
}

const NAMES = ['张建国', '李秀英', '王志强', '刘桂兰', '陈卫东', '杨丽华', '赵德明', '黄春梅', '周海涛', '吴玉珍', '徐国平', '孙小红'];

function attendees(): DocAttendee[] {
  return NAMES.map((name, i): DocAttendee => {
    if (i === 3) return { name, isMember: true, state: 'excused', reason: '外出务工', makeupOn: '2026-03-12' };
    if (i === 7) return { name, isMember: true, state: 'absent', reason: null, makeupOn: null };
    return { name, isMember: i !== 11, state: 'present', reason: null, makeupOn: null };
  });
}

let jpeg: Buffer;
let activity: DocActivity;

function makeActivity(id: number, heldOn: string, topic: string): DocActivity {
  return {
    id, branchName: '东风村党支部', groupName: '第一党小组', kindLabel: '支部党员大会', countedAsLabels: ['主题党日'],
    heldOn, place: '东风村党群服务中心', topic, host: '张建国', recorder: '李秀英', lecturer: '王志强',
    agenda: '1. 传达学习上级文件精神\n2. 讨论村集体经济发展项目\n3. 表决通过项目方案',
    minutes: '张建国同志传达了上级文件精神，与会党员围绕村集体经济发展进行了讨论。'.repeat(4),
    resolutions: '同意实施村集体经济发展项目。',
    attendees: attendees(), attendanceSaved: true,
    photos: [
      { data: jpeg, capturedAt: '2026-03-05T01:12:00Z', caption: '集中学习' },
      { data: jpeg, capturedAt: null, caption: '分组讨论' },
    ],
    checklist: [
      { label: '一次集中学习', done: true, evidence: '会议照片' },
      { label: '一次志愿服务', done: false, evidence: null },
      { checklist: '四定两挂一戴', label: '定时间', done: true, evidence: null },
    ],
    supervisorName: '镇党委督导员孙明', reviewStatusLabel: '已审核',
    vote: { subject: '村集体经济发展项目方案', votingMembers: 11, present: 9, inFavour: 8, against: 0, abstain: 1, quorumMet: true, passed: true },
    upload: { uploadedOn: '2026-03-06', uploadedBy: '李秀英', reference: 'DT-2026-0001' },
  };
}

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  activity = makeActivity(1, '2026-03-05', '学习贯彻党的二十届四中全会精神');
});

describe('13.7 the record counts 五个一 apart from 四定两挂一戴', () => {
  it('13.7 each checklist has its own heading and count', async () => {
    const { text } = await docxXml(await minutesDocx(activity));
    expect(text).toContain('“五个一”落实情况（1/2）');
    expect(text).toContain('“四定两挂一戴”落实情况（1/1）');
  });
});

describe('会议记录 (minutes)', () => {
  it('docx contains the record, the attendance and the photos', async () => {
    const { text, media, styles, xml } = await docxXml(await minutesDocx(activity));
    for (const s of ['学习贯彻党的二十届四中全会精神', '东风村党支部', '张建国', '刘桂兰（外出务工）', '应到 11 人，实到 9 人，请假 1 人，缺席 1 人；列席群众 1 人',
      '会议议程', '会议决议', '符合规定人数', '赞成 8 票', '一次志愿服务', '镇党委督导员孙明', 'DT-2026-0001', '2026-03-05 09:12']) {
      expect(text).toContain(s);
    }
    // Chinese text must fall back to 宋体 through the document defaults, not per run.
    expect(styles).toContain('w:eastAsia="宋体"');
    // docx stores identical pictures once; both placements must still be there.
    expect(media.length).toBeGreaterThan(0);
    expect(xml.match(/<pic:pic\b/g)).toHaveLength(2);
  });

  it('13.4 prints the photo time in Beijing time whatever zone the server runs in', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date('2026-03-05T01:12:00Z').getHours()).toBe(20); // the zone really changed
      const { text } = await docxXml(await minutesDocx(activity));
      expect(text).toContain('2026-03-05 09:12');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('pdf shows the Chinese text with an embedded Noto Sans SC on A4', async () => {
    const { text, fonts, info } = inspectPdf(await minutesPdf(activity));
    for (const s of ['支部党员大会会议记录', '学习贯彻党的二十届四中全会精神', '东风村党支部', '孙小红', '外出务工', '表决通过', '拍摄时间不详']) {
      expect(text).toContain(s);
    }
    // pdftotext drops the narrow spaces around the numbers in CJK text.
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    const noto = fonts.split('\n').filter((l) => l.includes('NotoSansSC'));
    expect(noto.length).toBeGreaterThan(0);
    for (const line of noto) expect(line.trim().split(/\s+/).at(-5)).toBe('yes'); // the "emb" column
    expect(info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts/);
  });
});

describe('签到表 (sign-in sheet)', () => {
  it('pdf lists every attendee with identity, state and make-up date', async () => {
    const { text } = inspectPdf(await signInSheetPdf(activity));
    for (const s of ['组织生活签到表', '签到', '序号', '请假事由', ...NAMES, '群众', '党员', '缺席', '2026年3月12日']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/第\s*1\s*页/);
  });

  it('docx has the signature column with one row per attendee', async () => {
    const { text, xml } = await docxXml(await signInSheetDocx(activity));
    expect(text).toContain('签到');
    expect(text).toContain('孙小红');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(3 + 1 + NAMES.length); // info table + header + attendees
    expect(xml).toContain('w:tblHeader'); // header repeats on each printed page
  });
});

describe('台账 (yearly ledger)', () => {
  const topics = Array.from({ length: 24 }, (_, i) => `第${i + 1}次主题学习活动`);
  let ledger: DocLedger;
  beforeAll(async () => {
    // Distinct pictures, so the docx cannot store one shared image and the sizes are honest.
    const photo = (n: number) => sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: n * 5, b: 50 } } }).jpeg().toBuffer();
    const acts = await Promise.all(topics.map(async (t, i) => ({
      ...makeActivity(i + 1, `2026-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '20' : '05'}`, t),
      photos: [
        { data: await photo(2 * i), capturedAt: '2026-03-05T01:12:00Z', caption: '集中学习' },
        { data: await photo(2 * i + 1), capturedAt: null, caption: '分组讨论' },
      ],
    })));
    ledger = { branchName: '东风村党支部', townName: '青山镇', periodLabel: '2026年', activities: acts.reverse(), generatedAt: '2026-12-31T08:00:00Z' };
  });

  it('renders 24 activities with photos in docx and pdf', async () => {
    let t = performance.now();
    const docx = await ledgerDocx(ledger);
    const docxMs = performance.now() - t;
    t = performance.now();
    const pdf = await ledgerPdf(ledger);
    const pdfMs = performance.now() - t;
    console.log(`yearly ledger (24 activities, 48 photos): docx ${docxMs.toFixed(0)} ms / ${(docx.length / 1024).toFixed(0)} KiB, pdf ${pdfMs.toFixed(0)} ms / ${(pdf.length / 1024).toFixed(0)} KiB`);

    const { text, info } = inspectPdf(pdf);
    for (const topic of topics) expect(text).toContain(topic);
    for (const s of ['东风村党支部2026年组织生活台账', '组织生活一览', '应到/实到', '五个一', '青山镇', '共 24 次组织生活', '参会人员名单', '补学情况', '刘桂兰：2026年3月12日 补学', '活动照片（2 张）']) expect(text).toContain(s);
    // Summary row: date, kind, topic, expected/present, photos, make-ups, checklist.
    expect(text).toMatch(/1\s+2026-01-05\s+支部党员大会\s+第1次主题学习活动\s+11\/9\s+2\s+1\s+1\/2/);
    // Chronological even though the input was reversed.
    expect(text.indexOf('第1次主题学习活动')).toBeLessThan(text.indexOf('第24次主题学习活动'));
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(24);

    const { text: dtext, xml: dxml, media } = await docxXml(docx);
    for (const topic of topics) expect(dtext).toContain(topic);
    expect(dxml.match(/<pic:pic\b/g)).toHaveLength(48);
    expect(media).toHaveLength(48);
  });
});

describe('灯塔 export package', () => {
  it('zips the record, photos and documents under UTF-8 names', async () => {
    const record = { id: 1, 主题: activity.topic, 参会人数: 9 };
    const buf = await dengtaPackage(activity, record);
    const zip = await JSZip.loadAsync(buf);
    const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir).sort();
    expect(files).toEqual(['photos/01.jpg', 'photos/02.jpg', 'record.json', '会议记录.docx', '会议记录.pdf', '签到表.pdf'].sort());
    // Names are stored as UTF-8 bytes (with the UTF-8 flag), which Windows' and 灯塔's unzip read correctly.
    expect(buf.includes(Buffer.from('会议记录.docx', 'utf8'))).toBe(true);

    const json = await zip.file('record.json')!.async('string');
    expect(JSON.parse(json)).toEqual(record);
    expect(json).toContain('\n  "主题"');

    const inner = await docxXml(await zip.file('会议记录.docx')!.async('nodebuffer'));
    expect(inner.text).toContain(activity.topic);
    expect(await zip.file('photos/01.jpg')!.async('nodebuffer')).toEqual(jpeg);
    const pdf = await zip.file('签到表.pdf')!.async('nodebuffer');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
