import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';

// Default messages in Chinese for every schema, on the server and in the browser alike.
z.config(zhCN());

export * from './common.js';
export * from './dates.js';
export * from './request-input.js';
export * from './auth.js';
export * from './two-factor.js';
export * from './users.js';
export * from './organizations.js';
export * from './members.js';
export * from './committee.js';
export * from './cadres.js';
export * from './away.js';
export * from './reserves.js';
export * from './cadre-documents.js';
export * from './talent.js';
export * from './assessment.js';
export * from './assessment-measures.js';
export * from './cadre-structure.js';
export * from './assessment-pay.js';
export * from './settings.js';
export * from './dues.js';
export * from './personal-numbers.js';
export * from './activities.js';
export * from './activity-evidence.js';
export * from './notifications.js';
export * from './recruitment.js';
export * from './positions.js';
export * from './inspection.js';
export * from './disclosure.js';
export * from './labels.js';
export * from './form-fields.js';
export * from './uploads.js';
export type * from './requests.js';
export * from './exports.js';
