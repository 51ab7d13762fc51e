import type { ImportReport, Member, MemberDetail, RevealBody } from '@dj/contracts';

type ImportRowStatus = ImportReport['rows'][number]['status'];

/** 类别 in the roster: the short form of STANDING_LABELS. */
export const STANDING_SHORT: Record<Member['standing'], string> = { full: '正式', probationary: '预备' };
export const STANDING_COLORS: Record<Member['standing'], string> = { full: 'red', probationary: 'orange' };
export const STATUS_COLORS: Record<Member['membershipStatus'], string> = { active: 'green', suspended: 'gold', left: 'default' };

export const IMPORT_STATUS_LABELS: Record<ImportRowStatus, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  invalid: '有问题',
  duplicate: '重复',
};
export const IMPORT_STATUS_COLORS: Record<ImportRowStatus, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  invalid: 'red',
  duplicate: 'orange',
};

/** Rows that will not be imported as they are. */
export function isProblemRow(row: ImportReport['rows'][number]): boolean {
  return row.status === 'invalid' || row.status === 'duplicate' || row.errors.length > 0;
}

/** "列名:说明", the way a secretary finds the cell to fix. */
export function importErrorText(error: { column: string; message: string }): string {
  return error.column ? `${error.column}:${error.message}` : error.message;
}

/** 所在党支部 / 党小组 in one line. */
export function placementText(member: Pick<Member, 'organizationName' | 'groupName'>): string {
  return member.groupName ? `${member.organizationName} / ${member.groupName}` : member.organizationName;
}

/** 党龄 counts from 转正 (党章 第七条): a probationary member has none yet. */
export function partyYearsText(member: Pick<Member, 'partyYears' | 'standing' | 'confirmedDateUnknown'>): string {
  if (member.partyYears === null) return member.standing === 'probationary' ? '预备期' : member.confirmedDateUnknown ? '不详' : '—';
  return `${member.partyYears}年`;
}

/** 转正日期 as shown: a roster may say 正式党员 without the date (转正日期不详), which is not "not yet confirmed". */
export function confirmedAtText(member: Pick<Member, 'confirmedAt' | 'confirmedDateUnknown'>, notYet = '—'): string {
  return member.confirmedAt ?? (member.confirmedDateUnknown ? '不详' : notYet);
}

export type RevealField = RevealBody['field'];
export const REVEAL_FIELD_LABELS: Record<RevealField, string> = { idNumber: '身份证号', phone: '联系电话' };

export function maskedValue(member: Pick<MemberDetail, 'idNumberMasked' | 'phoneMasked'>, field: RevealField): string | null {
  return field === 'idNumber' ? member.idNumberMasked : member.phoneMasked;
}
