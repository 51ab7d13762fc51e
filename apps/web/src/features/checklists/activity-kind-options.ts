import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@dj/contracts';

export const ACTIVITY_KIND_OPTIONS = (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((value) => ({
  value,
  label: ACTIVITY_KIND_LABELS[value],
}));
