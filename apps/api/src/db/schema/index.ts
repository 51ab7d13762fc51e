export * from './organizations.js';
export * from './members.js';
export * from './auth.js';
export * from './audit.js';
export * from './activities.js';
export * from './activity-evidence.js';
export * from './recruitment.js';
