import { useSearchParams } from 'react-router';
import { currentMonth } from '@dj/contracts';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A positive whole number from the address, or undefined. */
export function parseOrgId(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The month and organisation a work page shows, kept in the address so a reload or a shared link keeps them.
 * This month and "whole scope" are the defaults and are left out of the address.
 */
export function useMonthOrgParams(monthKey: string, options: { noLaterThanThisMonth?: boolean } = {}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const thisMonth = currentMonth();
  const raw = searchParams.get(monthKey);
  const valid = raw && MONTH_PATTERN.test(raw) && (!options.noLaterThanThisMonth || raw <= thisMonth);
  const month = valid ? raw : thisMonth;
  const orgId = parseOrgId(searchParams.get('orgId'));

  const update = (change: { month?: string | null; orgId?: number | null }) => {
    const next = new URLSearchParams(searchParams);
    if (change.month !== undefined) {
      if (change.month && change.month !== thisMonth) next.set(monthKey, change.month);
      else next.delete(monthKey);
    }
    if (change.orgId !== undefined) {
      if (change.orgId) next.set('orgId', String(change.orgId));
      else next.delete('orgId');
    }
    setSearchParams(next);
  };
  return { month, orgId, thisMonth, update };
}
