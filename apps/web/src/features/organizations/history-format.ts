import {
  CreateOrganizationSchema,
  fieldLabels,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  SECTOR_LABELS,
  SECTORS,
  type OrganizationHistoryEntry,
  type OrganizationKind,
  type Sector,
} from '@dj/contracts';
import { formatDateTime } from '../../lib/format';
import { STATUS_LABELS } from './labels';

export interface HistoryLookups {
  organizationName: (id: number) => string | undefined;
  villageName: (id: number) => string | undefined;
}

export interface HistoryChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** The contract's labels of the organisation's fields, plus the fields only history records carry. */
const LABELS: Record<string, string> = {
  ...fieldLabels(CreateOrganizationSchema), reason: '原因', status: '状态', closedAt: '撤销时间',
};

/** Display order of the fields in one entry; anything else follows. */
const FIELD_ORDER = ['name', 'parentId', 'kind', 'sector', 'isJoint', 'villageId', 'status', 'reason', 'closedAt'];

/** Bookkeeping columns that mean nothing to a reader of the history. */
const HIDDEN_FIELDS = new Set([
  'id', 'path', 'depth', 'tenantId', 'updatedAt', 'createdAt', 'isDemo', 'villageName', 'villageCode', 'parentName',
]);

function isKind(value: unknown): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}

export function formatHistoryValue(field: string, value: unknown, lookups: HistoryLookups): string | null {
  if (value === undefined) return null;
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field === 'kind' && isKind(value)) return ORGANIZATION_KIND_LABELS[value];
  if (field === 'sector' && isSector(value)) return SECTOR_LABELS[value];
  if (field === 'status' && (value === 'active' || value === 'closed')) return STATUS_LABELS[value];
  if (field === 'parentId' && typeof value === 'number') return lookups.organizationName(value) ?? `组织#${value}`;
  if (field === 'villageId' && typeof value === 'number') return lookups.villageName(value) ?? `行政村#${value}`;
  if (field === 'closedAt' && typeof value === 'string') return formatDateTime(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The fields an entry changed, each with readable before/after values (null = not recorded on that side). */
export function describeChanges(entry: OrganizationHistoryEntry, lookups: HistoryLookups): HistoryChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f));
  fields.sort((a, b) => rank(a) - rank(b));
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({
      field,
      label: LABELS[field] ?? field,
      before: field in before ? formatHistoryValue(field, before[field], lookups) : null,
      after: field in after ? formatHistoryValue(field, after[field], lookups) : null,
    }))
    .map((change) =>
      // A move records the new parent's name at the time; prefer it to today's lookup.
      change.field === 'parentId' && typeof after.parentName === 'string' ? { ...change, after: after.parentName } : change,
    );
}

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}

export function changeText(change: HistoryChange): string {
  if (change.before !== null && change.after !== null) return `${change.label}:${change.before} → ${change.after}`;
  return `${change.label}:${change.after ?? change.before ?? '—'}`;
}
