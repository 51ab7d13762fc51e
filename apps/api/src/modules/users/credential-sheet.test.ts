import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/documents.js';
import { credentialSheetPdf } from './credential-sheet.js';

const asResponse = (data: Buffer) =>
  ({ statusCode: 200, headers: { 'content-type': 'application/pdf' }, rawPayload: data, body: '' }) as unknown as LightMyRequestResponse;

describe('issue 12 point 4: the A4 hand-out sheet of one-time passwords', () => {
  it('prints every account with its user name, one-time password and a signature column, on as many pages as it takes', async () => {
    const credentials = Array.from({ length: 17 }, (_, i) => ({
      userId: i + 1, username: `sj${String(i + 1).padStart(2, '0')}`, displayName: `书记${i + 1}`,
      organizationName: `第${i + 1}村党支部`, oneTimePassword: `Kq7m-x4P${i}-r2Tz`,
    }));
    const data = await credentialSheetPdf('样例镇', credentials, '2026-12-05');
    const text = pdfText(asResponse(data));
    expect(text).toContain('样例镇党建工作平台账号交接单');
    expect(text).toContain('领取人签字');
    for (const c of credentials) {
      expect(text).toContain(c.username);
      expect(text).toContain(c.oneTimePassword);
    }
    // A4 portrait: 595 × 842 pt.
    expect(data.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });

  // Found by the browser flow: a one-time password of the widest letters wrapped over two lines, so the reader could
  // not tell where it ended. With the layout's whitespace kept, each password stands whole on one line.
  it('prints each one-time password on one line, even of the widest letters and 20 long (a town minimum of 20)', async () => {
    const passwords = ['WMWM@%WMWM#%WM', 'MWMWMWMWMWMWMW', 'W%M@W%M@W%M@W%M@W%M@'];
    const credentials = passwords.map((oneTimePassword, i) => ({
      userId: i + 1, username: `sj${1000 + i}`, displayName: '欧阳书记', organizationName: '中共西王庄镇营子村第一支部委员会', oneTimePassword,
    }));
    const text = pdfText(asResponse(await credentialSheetPdf('样例镇', credentials, '2026-12-05')), { keepWhitespace: true });
    for (const p of passwords) expect(text, text).toContain(p);
  });
});
