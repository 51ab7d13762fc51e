import type { Role } from '@dj/contracts';

/** 督导: the supervisor signs off records; the town admin also arranges who supervises which branch. */
export const canSupervise = (roles: readonly Role[]) => roles.includes('supervisor') || roles.includes('town_admin');

/** A 党员's own 组织生活 (answers and attendance). */
export const isPartyMember = (roles: readonly Role[]) => roles.includes('member');
