import type { Role } from '@dj/contracts';

/**
 * Who has pay of their own on the platform: a village's secretary (a village cadre) and the 镇机关 staff (the
 * supervisor and inspector accounts, assessed on the staff scheme). The server decides again on every request.
 */
export const hasOwnPay = (roles: readonly Role[]) => roles.includes('branch_secretary') || roles.includes('supervisor') || roles.includes('inspector');
