import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVICE_CENTER_ROOMS, monthFromIndex, monthIndex, todayInShanghai, UPLOAD_DEFAULT_MAX_MB, UPLOAD_DEFAULT_MAX_MEGAPIXELS,
} from '@dj/contracts';
import { limitsOf, setUploadLimits, sniffKind } from '../src/lib/uploads/index.js';
import { createTestContext, type Session, type TestContext } from './context.js';
import {
  createActivity, createBranch, createInspectionRound, createTown, createUser, multipartBody, postFile, recordFinding, testIdNumber, type Branch, type Town,
} from './factories.js';

/**
 * Issue 12 point 5: one upload policy for every upload route. Each route gets a 30000×30000 PNG (a few hundred bytes
 * that would decode to 3.6 GB of pixels), a file over the size limit (UPLOAD_MAX_MB is 1 here), a file of a kind the
 * route does not take, and a normal file. Before the policy, activity materials, 四议两公开 stage files and
 * recruitment record files stored the huge PNG, nothing answered 413 for a file over UPLOAD_MAX_MB, and a wrong
 * type answered 400.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: TestContext;
let town: Town;
let branch: Branch;
let secretary: Session;
let inspector: Session;
const lastMonth = monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);

/** A real PNG of 8×8 pixels whose IHDR then says 30000×30000 (CRC recomputed): tiny on disk, a bomb when decoded. */
async function hugePng(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer());
  png.writeUInt32BE(30000, 16);
  png.writeUInt32BE(30000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
const smallJpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
const pdf = (bytes = 200) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 32)]);
async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((cells, r) => cells.forEach((v, c) => { ws.getCell(r + 1, c + 1).value = v; }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const ok = (res: { statusCode: number; body: string; json(): Json }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

interface Route {
  name: string;
  /** Whether the route takes pictures: if so the huge PNG is refused for its pixels (413), otherwise for its type (415). */
  images: boolean;
  /** A fresh target for one upload: the URL, who uploads, extra multipart fields. */
  target(): Promise<{ url: string; session: Session; fields?: Record<string, string> }>;
  /** A file the route accepts. */
  normal(): Promise<{ data: Buffer; name: string }>;
}

const ROUTES: Route[] = [
  {
    name: '活动现场照片 POST /api/activities/:id/files?category=photo', images: true,
    target: async () => ({ url: `/api/activities/${(await createActivity(secretary, branch.id, { heldOn: `${lastMonth}-21` })).id}/files?category=photo`, session: secretary }),
    normal: async () => ({ data: await smallJpeg(), name: '现场.jpg' }),
  },
  {
    name: '活动材料 POST /api/activities/:id/files?category=material', images: true,
    target: async () => ({ url: `/api/activities/${(await createActivity(secretary, branch.id, { heldOn: `${lastMonth}-21` })).id}/files?category=material`, session: secretary }),
    normal: async () => ({ data: pdf(), name: '学习资料.pdf' }),
  },
  {
    name: '检查现场照片 POST /api/inspections/:id/results/:resultId/photos', images: true,
    target: async () => {
      const round = await createInspectionRound(town, [branch.id]);
      const { resultId } = await recordFinding(inspector, round.id, branch.id, 'duty_roster');
      return { url: `/api/inspections/${round.id}/results/${resultId}/photos`, session: inspector };
    },
    normal: async () => ({ data: await smallJpeg(), name: '值班室.jpg' }),
  },
  {
    name: '整改材料 POST /api/rectifications/:id/evidence', images: true,
    target: async () => {
      const round = await createInspectionRound(town, [branch.id]);
      const { rectificationId } = await recordFinding(inspector, round.id, branch.id, 'duty_roster');
      return { url: `/api/rectifications/${rectificationId}/evidence`, session: secretary, fields: { note: '已整改' } };
    },
    normal: async () => ({ data: pdf(), name: '值班记录.pdf' }),
  },
  {
    name: '四议两公开环节材料 POST /api/four-two/:id/stages/:stageId/file', images: true,
    target: async () => {
      const p = ok(await secretary.post('/api/four-two', { organizationId: branch.id, title: '村集体资产出租', category: 'other' }));
      const detail = ok(await secretary.post(`/api/four-two/${p.id}/stages`, { stage: 'proposal', heldOn: '2024-04-01' }));
      return { url: `/api/four-two/${p.id}/stages/${detail.stages[0].id}/file`, session: secretary };
    },
    normal: async () => ({ data: pdf(), name: '提议记录.pdf' }),
  },
  {
    name: '党群服务中心照片 POST /api/service-centers/:id/photos', images: true,
    target: async () => {
      const center = ok(await secretary.request('PUT', `/api/service-centers/by-org/${branch.id}`, {
        name: '测试村党群服务中心', address: '村委会院内', floorArea: 420, standard: 'high', openingHours: '工作日 8:30–17:30',
        rooms: DEFAULT_SERVICE_CENTER_ROOMS.map((r, i) => ({ ...r, area: 30 + i * 10 })),
      }));
      return { url: `/api/service-centers/${center.id}/photos`, session: secretary };
    },
    normal: async () => ({ data: await smallJpeg(), name: '大厅.jpg' }),
  },
  {
    name: '发展党员步骤材料 POST /api/recruitments/:id/records/:recordId/files', images: true,
    target: async () => {
      const r = ok(await secretary.post('/api/recruitments', {
        name: '上传测试', gender: 'male', birthDate: '1990-05-12', idNumber: testIdNumber('1990-05-12'), organizationId: branch.id, appliedOn: '2024-03-01',
      }));
      return { url: `/api/recruitments/${r.id}/records/${r.records[0].id}/files`, session: secretary };
    },
    normal: async () => ({ data: pdf(), name: '入党申请书.pdf' }),
  },
  {
    name: '三务公开附件 POST /api/disclosures/:id/files', images: true,
    target: async () => {
      const d = ok(await secretary.post('/api/disclosures', {
        organizationId: branch.id, category: 'finance', ruleKey: 'finance_monthly', period: lastMonth, title: '财务收支公开', content: '本月收入 12000 元。',
      }));
      return { url: `/api/disclosures/${d.id}/files`, session: secretary };
    },
    normal: async () => ({ data: pdf(), name: '凭证.pdf' }),
  },
  {
    name: '三务公开表格 POST /api/disclosures/:id/table', images: false,
    target: async () => {
      const d = ok(await secretary.post('/api/disclosures', {
        organizationId: branch.id, category: 'finance', ruleKey: 'finance_monthly', period: lastMonth, title: '财务收支表', content: '见表。',
      }));
      return { url: `/api/disclosures/${d.id}/table`, session: secretary };
    },
    normal: async () => ({ data: await xlsx([['序号', '金额'], [1, 100]]), name: '收支.xlsx' }),
  },
  {
    name: '村企合作协议 POST /api/economy/partnerships/:id/files', images: true,
    target: async () => {
      const p = ok(await secretary.post('/api/economy/partnerships', { organizationId: branch.id, partnerKind: 'park', partnerName: '上传测试园区', status: 'negotiating' }));
      return { url: `/api/economy/partnerships/${p.id}/files`, session: secretary };
    },
    normal: async () => ({ data: pdf(), name: '合作协议.pdf' }),
  },
  {
    name: '人才名册导入 POST /api/talent/import', images: false,
    target: async () => ({ url: `/api/talent/import?orgId=${branch.id}&dryRun=true`, session: secretary }),
    normal: async () => {
      const template = await secretary.get('/api/talent/import-template');
      expect(template.statusCode).toBe(200);
      return { data: template.rawPayload, name: '人才名册.xlsx' };
    },
  },
  {
    name: '党员名册导入 POST /api/members/import', images: false,
    target: async () => ({ url: `/api/members/import?orgId=${branch.id}&dryRun=true`, session: secretary }),
    normal: async () => {
      const template = await secretary.get('/api/members/import-template');
      expect(template.statusCode).toBe(200);
      return { data: template.rawPayload, name: '党员名册.xlsx' };
    },
  },
  {
    name: '两委名册导入 POST /api/cadres/villages/:orgId/import', images: false,
    target: async () => ({ url: `/api/cadres/villages/${branch.id}/import?dryRun=true`, session: town.admin }),
    normal: async () => {
      const template = await town.admin.get('/api/cadres/import-template');
      expect(template.statusCode).toBe(200);
      return { data: template.rawPayload, name: '两委名册.xlsx' };
    },
  },
];

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_MB: '1', UPLOAD_MAX_MEGAPIXELS: '40' });
  town = await createTown(ctx);
  branch = await createBranch(town);
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  inspector = (await createUser(town, 'inspector', [town.committeeId])).session;
});
// The limits are process-wide (like the import limits) and the API files share one module cache: put the defaults back.
afterAll(async () => {
  setUploadLimits(limitsOf({ UPLOAD_MAX_MB: UPLOAD_DEFAULT_MAX_MB, UPLOAD_MAX_MEGAPIXELS: UPLOAD_DEFAULT_MAX_MEGAPIXELS }));
  await ctx.close();
});

describe.each(ROUTES)('$name', (route) => {
  it(route.images ? 'refuses a 30000×30000 PNG for its pixels (413, the limit named)' : 'refuses a 30000×30000 PNG as a kind it does not take (415)', async () => {
    const { url, session, fields } = await route.target();
    const res = await postFile(session, url, { data: await hugePng(), name: '巨图.png' }, fields);
    if (route.images) {
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'file' }] });
      expect(res.json().message).toContain('4000 万像素');
    } else {
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses a file over UPLOAD_MAX_MB (413, the limit named)', async () => {
    const { url, session, fields } = await route.target();
    const normal = await route.normal();
    const big = normal.name.endsWith('.xlsx') ? Buffer.concat([normal.data, Buffer.alloc(1024 * 1024 + 10)]) : pdf(1024 * 1024 + 10);
    const res = await postFile(session, url, { data: big, name: normal.name.endsWith('.xlsx') ? normal.name : '大文件.pdf' }, fields);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'file' }] });
    expect(res.json().message).toContain('1 MB');
  });

  it('refuses a kind it does not take (415 UNSUPPORTED_MEDIA_TYPE, naming the field and the kinds allowed)', async () => {
    const { url, session, fields } = await route.target();
    const exe = await postFile(session, url, { data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), name: 'tool.exe' }, fields);
    expect(exe.statusCode, exe.body).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ path: 'file' }] });
    expect(exe.json().message).toMatch(/文件\(file\)/);
    expect(exe.json().message).toMatch(route.images ? /JPG/ : /Excel/);
    // A name that lies about the content is refused the same way.
    const disguised = await postFile(session, url, { data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), name: route.images ? '照片.jpg' : '表格.xlsx' }, fields);
    expect(disguised.statusCode, disguised.body).toBe(415);
  });

  it('accepts a normal file', async () => {
    const { url, session, fields } = await route.target();
    const res = await postFile(session, url, await route.normal(), fields);
    expect(res.statusCode, res.body).toBe(200);
  });
});

/** A phone photo: GPS coordinates and the camera in its EXIF. */
const gpsJpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } }).jpeg().withExif({
  IFD0: { Make: 'TestPhone' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 33/1 0/1' },
}).toBuffer();

describe('a picture stored as a material, stage file or record file keeps no EXIF location', () => {
  const STORED: { name: string; upload(photo: Buffer): Promise<Buffer> }[] = [
    {
      name: '活动材料',
      upload: async (photo) => {
        const a = await createActivity(secretary, branch.id, { heldOn: `${lastMonth}-21` });
        const file = ok(await postFile(secretary, `/api/activities/${a.id}/files?category=material`, { data: photo, name: '学习资料.jpg' })).files[0];
        return (await secretary.get(`/api/activities/${a.id}/files/${file.id}`)).rawPayload;
      },
    },
    {
      name: '四议两公开环节材料',
      upload: async (photo) => {
        const { url } = await ROUTES.find((r) => r.name.startsWith('四议两公开'))!.target();
        ok(await postFile(secretary, url, { data: photo, name: '现场.jpg' }));
        return (await secretary.get(url)).rawPayload;
      },
    },
    {
      name: '发展党员步骤材料',
      upload: async (photo) => {
        const { url } = await ROUTES.find((r) => r.name.startsWith('发展党员'))!.target();
        const r = ok(await postFile(secretary, url, { data: photo, name: '申请书.jpg' }));
        return (await secretary.get(`/api/recruitments/${r.id}/files/${r.records[0].files[0].id}`)).rawPayload;
      },
    },
    {
      name: '村企合作协议(扫描照片)',
      upload: async (photo) => {
        const { url } = await ROUTES.find((r) => r.name.startsWith('村企合作协议'))!.target();
        const p = ok(await postFile(secretary, url, { data: photo, name: '协议扫描.jpg' }));
        return (await secretary.get(`${url}/${p.agreementFiles[0].id}`)).rawPayload;
      },
    },
  ];

  it.each(STORED)('$name: the JPEG comes back without GPS or camera data', async ({ upload }) => {
    const photo = await gpsJpeg();
    expect((await exifr.gps(photo))?.latitude).toBeCloseTo(34.833, 2);
    const stored = await upload(photo);
    expect(sniffKind(stored)).toBe('jpeg');
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(stored.includes(Buffer.from('TestPhone'))).toBe(false);
  });
});

describe('one file per request', () => {
  it('a second file in the same form is refused with 413 in Chinese', async () => {
    const { url, session, fields } = await ROUTES.find((r) => r.name.startsWith('整改材料'))!.target();
    const one = multipartBody({ data: pdf(), name: 'a.pdf' }, fields);
    const boundary = one.headers['content-type'].split('boundary=')[1];
    const second = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf().toString('latin1')}\r\n`, 'latin1');
    const payload = Buffer.concat([one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length), second, Buffer.from(`--${boundary}--\r\n`)]);
    const res = await session.request('POST', url, payload, one.headers);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '一次只能上传一个文件' });
  });
});
