import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ComplianceSchema, type ComplianceQuerySchema } from '@dj/contracts';
import { apiGet } from '../../lib/api-client';
import { complianceKeys } from '../../lib/query-keys';

// The web app does not depend on zod itself: types come from the contract schemas' output.
export type ComplianceQuery = ReturnType<typeof ComplianceQuerySchema.parse>;
export type Compliance = ReturnType<typeof ComplianceSchema.parse>;
export type ComplianceBranch = Compliance['branches'][number];
export type ComplianceRow = ComplianceBranch['rows'][number];
export type ComplianceStatus = ComplianceRow['status'];

/** 组织生活 requirements of each branch for one month: deadlines to remind of, not a score. */
export function useCompliance(query: ComplianceQuery, enabled = true) {
  return useQuery({
    queryKey: complianceKeys.board(query),
    queryFn: ({ signal }) => apiGet('/api/compliance', ComplianceSchema, query, signal),
    enabled,
    // Switching the month keeps the old board on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}
