import {
  EDUCATION_LABELS,
  EDUCATIONS,
  GENDER_LABELS,
  GENDERS,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  PARTY_POST_LABELS,
  PARTY_POSTS,
  type MemberDetail,
  type MemberProfile,
  type MemberProfileInput,
  normalizeIdNumber,
  type UpdateMember,
} from '@dj/contracts';

/** The member form's values and how they become the API's create and update bodies. */
type Gender = MemberProfile['gender'];
type Education = NonNullable<MemberProfile['education']>;
type Occupation = NonNullable<MemberProfile['occupation']>;
type PartyPost = MemberProfile['partyPosts'][number];

export type MemberFormMode = { kind: 'create'; defaultOrganizationId?: number } | { kind: 'edit'; member: MemberDetail };

/** What the form holds: dates as 'YYYY-MM-DD' text, optional text as '' until sent. */
export interface MemberFormValues {
  name: string;
  gender?: Gender;
  ethnicity: string;
  idNumber: string;
  birthDate: string | null;
  nativePlace: string;
  education?: Education | null;
  joinedAt?: string | null;
  confirmedAt?: string | null;
  confirmedDateUnknown?: boolean;
  organizationId?: number;
  groupId?: number | null;
  partyPosts: PartyPost[];
  isVillageCadre: boolean;
  isHardship: boolean;
  occupation?: Occupation | null;
  workUnit: string;
  phone: string;
  address: string;
  hamlet: string;
}

export const EDITABLE_FIELDS = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'nativePlace', 'education', 'groupId', 'partyPosts',
  'isVillageCadre', 'isHardship', 'occupation', 'workUnit', 'phone', 'address', 'hamlet',
] as const;
/** Set at registration only; afterwards they change through 党籍 events. */
export const CREATE_ONLY_FIELDS = ['joinedAt', 'confirmedAt', 'confirmedDateUnknown', 'organizationId'] as const;

export const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));
export const EDUCATION_OPTIONS = EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }));
export const OCCUPATION_OPTIONS = OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] }));
export const POST_OPTIONS = PARTY_POSTS.map((value) => ({ value, label: PARTY_POST_LABELS[value] }));

export const KEEP_PLACEHOLDER = '不修改请留空';

const optionalText = (value: string | undefined | null) => value?.trim() || null;

export function emptyValues(organizationId: number | undefined): MemberFormValues {
  return {
    name: '', ethnicity: '汉族', idNumber: '', birthDate: null, nativePlace: '', education: null, joinedAt: null,
    confirmedAt: null, organizationId, groupId: null, partyPosts: [], isVillageCadre: false, isHardship: false,
    occupation: null, workUnit: '', phone: '', address: '', hamlet: '',
  };
}

/** Personal numbers are never sent to the browser in full, so they start empty when editing. */
export function valuesFromMember(member: MemberDetail): MemberFormValues {
  return {
    name: member.name, gender: member.gender, ethnicity: member.ethnicity, idNumber: '', birthDate: member.birthDate,
    nativePlace: member.nativePlace ?? '', education: member.education, groupId: member.groupId, partyPosts: member.partyPosts,
    isVillageCadre: member.isVillageCadre, isHardship: member.isHardship, occupation: member.occupation,
    workUnit: member.workUnit ?? '', phone: '', address: member.address ?? '', hamlet: member.hamlet ?? '',
  };
}

/** The editable profile as the API takes it. */
function editableBody(values: MemberFormValues): UpdateMember {
  return {
    name: values.name.trim(),
    gender: values.gender,
    ethnicity: values.ethnicity.trim() || '汉族',
    birthDate: values.birthDate ?? undefined,
    nativePlace: optionalText(values.nativePlace),
    education: values.education ?? null,
    groupId: values.groupId ?? null,
    partyPosts: values.partyPosts ?? [],
    occupation: values.occupation ?? null,
    workUnit: optionalText(values.workUnit),
    address: optionalText(values.address),
    hamlet: optionalText(values.hamlet),
    isVillageCadre: !!values.isVillageCadre,
    isHardship: !!values.isHardship,
  };
}

export function createBody(values: MemberFormValues): MemberProfileInput {
  const { gender, birthDate, joinedAt, organizationId } = values;
  if (!gender || !birthDate || !joinedAt || !organizationId) throw new Error('表单尚未填写完整');
  return {
    ...editableBody(values),
    name: values.name.trim(),
    gender,
    birthDate,
    idNumber: normalizeIdNumber(values.idNumber),
    phone: optionalText(values.phone),
    joinedAt,
    confirmedAt: values.confirmedAt || null,
    confirmedDateUnknown: !values.confirmedAt && !!values.confirmedDateUnknown,
    organizationId,
  };
}

/**
 * Only what changed goes to PATCH (the audit log lists the changed fields); the ID number and phone only
 * when something was typed into their empty boxes.
 */
export function updateBody(member: MemberDetail, values: MemberFormValues): UpdateMember {
  const before = editableBody(valuesFromMember(member));
  const after = editableBody(values);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof UpdateMember)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) body[key] = after[key];
  }
  if (values.idNumber.trim()) body.idNumber = normalizeIdNumber(values.idNumber);
  if (values.phone.trim()) body.phone = values.phone.trim();
  return body as UpdateMember;
}

