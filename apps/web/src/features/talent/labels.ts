import {
  TALENT_FIELD_LABELS, TALENT_FIELDS, TALENT_KIND_LABELS, TALENT_KINDS, TALENT_LEAD_KIND_LABELS, TALENT_LEAD_KINDS, TALENT_TIER_LABELS, TALENT_TIERS,
  type TalentRow,
} from '@dj/contracts';

export const KIND_OPTIONS = TALENT_KINDS.map((k) => ({ value: k, label: TALENT_KIND_LABELS[k] }));
export const TIER_OPTIONS = TALENT_TIERS.map((t) => ({ value: t, label: TALENT_TIER_LABELS[t] }));
export const FIELD_OPTIONS = TALENT_FIELDS.map((f) => ({ value: f, label: TALENT_FIELD_LABELS[f] }));
export const LEAD_KIND_OPTIONS = TALENT_LEAD_KINDS.map((k) => ({ value: k, label: TALENT_LEAD_KIND_LABELS[k] }));

export const tierText = (r: Pick<TalentRow, 'tier' | 'selectedYear'>) => (r.tier ? `${TALENT_TIER_LABELS[r.tier]} · ${r.selectedYear}年入选` : '未入选"十百千"');
export const leadText = (l: TalentRow['leads'][number]) => `${TALENT_LEAD_KIND_LABELS[l.kind]}:${l.name}`;
