/**
 * The hand-out sheet of new accounts (issue 12 point 4): user names and one-time passwords on A4, one row per person
 * with room for the receiver's signature, so the town can hand the 17 village secretaries their accounts at one
 * meeting. Rendered from the credentials the browser has just received and never stored: the server keeps only the
 * passwords' hashes.
 */
import type { Credential } from '@dj/contracts';
import { contentWidthMm, heading, paragraph, table, type DocModel } from '../../lib/documents/doc-model.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';

/** Room for a handwritten signature, as on the sign-in sheets. */
const SIGNATURE_ROW_PT = 34;

/**
 * A password must stand whole on one line: a break inside it leaves the reader guessing where it ends. Its column is
 * as wide as the longest password in the widest letters (W, M: 9.1 pt at 10.5 pt, measured) needs; the other columns
 * keep what they need and the organisation's name, which wraps harmlessly, takes the rest. Widths are in points of
 * the printable width, less the cells' padding.
 */
const WIDEST_CHAR_PT = 9.5;
const FIXED_PT = { name: 42, username: 62, signature: 56 };
const ORGANIZATION_MIN_PT = 60;
const PRINTABLE_PT = (contentWidthMm * 72) / 25.4 - 5 * 8;

function columnWeights(credentials: readonly Credential[]): number[] {
  const longest = Math.max(14, ...credentials.map((c) => c.oneTimePassword.length));
  const others = FIXED_PT.name + FIXED_PT.username + FIXED_PT.signature;
  const password = Math.min(longest * WIDEST_CHAR_PT + 4, PRINTABLE_PT - others - ORGANIZATION_MIN_PT);
  return [PRINTABLE_PT - others - password, FIXED_PT.name, FIXED_PT.username, password, FIXED_PT.signature];
}

export function credentialSheetModel(townName: string, credentials: readonly Credential[], printedOn: string): DocModel {
  return {
    title: `${townName}党建工作平台账号交接单`,
    subtitle: `打印日期:${printedOn}`,
    blocks: [
      paragraph('一次性密码只能用于首次登录,登录后须立即设置自己的新密码。请当面交给本人并签收,不要拍照或转发;交接后本单请交镇党委销毁。'),
      heading(2, `共 ${credentials.length} 个账号`),
      table(
        ['所在组织', '姓名', '用户名', '一次性密码', '领取人签字'],
        credentials.map((c) => [c.organizationName, c.displayName, c.username, c.oneTimePassword, '']),
        columnWeights(credentials),
        { rowHeight: SIGNATURE_ROW_PT },
      ),
    ],
  };
}

export const credentialSheetPdf = (townName: string, credentials: readonly Credential[], printedOn: string): Promise<Buffer> =>
  renderPdf(credentialSheetModel(townName, credentials, printedOn));
