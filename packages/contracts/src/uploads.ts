/**
 * The one upload policy (issue 12 point 5): which kinds of file each upload route takes, their Chinese names, and the
 * default limits. The server checks every upload against it by content (apps/api/src/lib/uploads); the web can use
 * the same lists for its file pickers. The numeric limits are server settings (UPLOAD_MAX_MB, UPLOAD_MAX_MEGAPIXELS);
 * the defaults are here so that the server and the web say the same number when nothing is configured.
 */

/** Kinds of file, told apart by their content (magic bytes), not by their names. */
export const UPLOAD_KINDS = ['jpeg', 'png', 'webp', 'heif', 'pdf', 'docx', 'xlsx', 'ole', 'txt'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export interface UploadKindInfo {
  /** As named to the user in messages and pickers. */
  label: string;
  /** File-name extensions of this kind, lower case, without the dot. */
  extensions: readonly string[];
  /** The Content-Type it is stored and served with. */
  mime: string;
  /** A picture: its dimensions are checked against the pixel limit before anything decodes it. */
  image: boolean;
}

export const UPLOAD_KIND_INFO: Record<UploadKind, UploadKindInfo> = {
  jpeg: { label: 'JPG', extensions: ['jpg', 'jpeg'], mime: 'image/jpeg', image: true },
  png: { label: 'PNG', extensions: ['png'], mime: 'image/png', image: true },
  webp: { label: 'WebP', extensions: ['webp'], mime: 'image/webp', image: true },
  heif: { label: 'HEIC', extensions: ['heic', 'heif', 'avif'], mime: 'image/heif', image: true },
  pdf: { label: 'PDF', extensions: ['pdf'], mime: 'application/pdf', image: false },
  docx: { label: 'Word(docx)', extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', image: false },
  xlsx: { label: 'Excel(xlsx)', extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', image: false },
  ole: { label: '旧版 Word/Excel/WPS(doc/xls/wps)', extensions: ['doc', 'xls', 'wps'], mime: 'application/octet-stream', image: false },
  txt: { label: 'TXT 文本', extensions: ['txt'], mime: 'text/plain; charset=utf-8', image: false },
};

/** What an upload is for: each upload route names one. */
export const UPLOAD_PURPOSES = [
  'photo', 'activityMaterial', 'inspectionEvidence', 'stageFile', 'recordFile', 'disclosureAttachment', 'disclosureTable', 'roster',
  'talentRoster', 'incomeTable', 'partnershipAgreement', 'trainingMaterial', 'onlineStudyTable',
  'householdRoster',
] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

const PICTURES: readonly UploadKind[] = ['jpeg', 'png', 'webp', 'heif'];
/** What a secretary actually has: Word/WPS, PDF, Excel, pictures and plain text. */
const DOCUMENTS: readonly UploadKind[] = ['pdf', 'docx', 'xlsx', 'ole', 'jpeg', 'png', 'txt'];

export const UPLOAD_PURPOSE_INFO: Record<UploadPurpose, { label: string; kinds: readonly UploadKind[] }> = {
  /** 活动现场照片, 检查现场照片, 党群服务中心照片: re-encoded without metadata. */
  photo: { label: '照片', kinds: PICTURES },
  /** 活动方案、学习资料等 (every category of an activity's files except photos). */
  activityMaterial: { label: '活动材料', kinds: DOCUMENTS },
  /** 整改材料: a photo or a document. */
  inspectionEvidence: { label: '整改材料', kinds: [...PICTURES, 'pdf', 'docx', 'xlsx', 'ole', 'txt'] },
  /** 四议两公开 环节材料. */
  stageFile: { label: '环节材料', kinds: DOCUMENTS },
  /** 发展党员 步骤材料. */
  recordFile: { label: '步骤材料', kinds: DOCUMENTS },
  /** 三务公开 附件 (凭证、照片、表格). */
  disclosureAttachment: { label: '公开附件', kinds: DOCUMENTS },
  /** 三务公开 表格导入. */
  disclosureTable: { label: '公开表格', kinds: ['xlsx'] },
  /** 党员名册导入. */
  roster: { label: '党员名册', kinds: ['xlsx'] },
  /** 人才名册导入. */
  talentRoster: { label: '人才名册', kinds: ['xlsx'] },
  /** 集体经济收入导入 (三资系统导出的收入表). */
  incomeTable: { label: '集体经济收入表', kinds: ['xlsx'] },
  /** 村企合作协议 (the signed agreement as a PDF or Word file, or a scan or photo of it). */
  partnershipAgreement: { label: '合作协议', kinds: DOCUMENTS },
  /** 培训材料 (issue 19): the course's handouts, slides as PDF, a sign-in sheet scan. */
  trainingMaterial: { label: '培训材料', kinds: DOCUMENTS },
  /** 线上学习导入 (issue 19 point 3): 学习强国 or 灯塔—党建在线 exported study records. */
  onlineStudyTable: { label: '线上学习记录表', kinds: ['xlsx'] },
  /** 党员联户 导入 (issue 20 point 3): a village's 户籍/联户 roster. */
  householdRoster: { label: '联户名册', kinds: ['xlsx'] },
};

/** Defaults of the server settings UPLOAD_MAX_MB and UPLOAD_MAX_MEGAPIXELS. */
export const UPLOAD_DEFAULT_MAX_MB = 10;
export const UPLOAD_DEFAULT_MAX_MEGAPIXELS = 50;

/** "JPG、PNG、PDF" — the kinds a purpose takes, as named in messages. */
export const uploadKindsLabel = (purpose: UploadPurpose): string => UPLOAD_PURPOSE_INFO[purpose].kinds.map((k) => UPLOAD_KIND_INFO[k].label).join('、');

/** The `accept` attribute of a file picker for a purpose: ".jpg,.jpeg,.png". */
export const uploadAccept = (purpose: UploadPurpose): string =>
  UPLOAD_PURPOSE_INFO[purpose].kinds.flatMap((k) => UPLOAD_KIND_INFO[k].extensions.map((e) => `.${e}`)).join(',');

export const UPLOAD_MESSAGES = {
  missing: '请以 multipart/form-data 上传文件(字段名 file)',
  empty: '文件是空的',
  /** The field, what the route is for and what it takes are named. */
  wrongKind: (purpose: UploadPurpose, found: string | null) =>
    `文件(file)类型不支持${found ? `(实际是 ${found})` : ''}:${UPLOAD_PURPOSE_INFO[purpose].label}只接受 ${uploadKindsLabel(purpose)} 文件`,
  nameMismatch: (purpose: UploadPurpose, extension: string, found: string) =>
    `文件(file)内容与扩展名不符:扩展名是 .${extension},内容是 ${found}。${UPLOAD_PURPOSE_INFO[purpose].label}只接受 ${uploadKindsLabel(purpose)} 文件`,
  tooLarge: (maxMb: number) => `文件(file)超过 ${maxMb} MB(上限 ${maxMb} MB),请压缩或拆分后再上传`,
  tooManyPixels: (width: number, height: number, maxMegapixels: number) =>
    `图片(file)像素过大(${width}×${height},上限 ${maxMegapixels * 100} 万像素),请缩小后再上传`,
  damagedImage: '图片(file)已损坏或不完整,无法读取尺寸,请重新导出后上传',
} as const;
