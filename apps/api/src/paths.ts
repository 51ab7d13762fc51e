import { fileURLToPath } from 'node:url';

/**
 * The apps/api folder, for files read at run time (migrations, the built web app). This module sits directly
 * in src/, and the build puts every bundle directly in dist/ (scripts/api-build.mjs), so `..` is apps/api
 * both when the source runs (tsx, tests) and when the built server runs; a path relative to another module
 * would break once that module is bundled into dist/.
 */
export const apiRoot = fileURLToPath(new URL('..', import.meta.url));
