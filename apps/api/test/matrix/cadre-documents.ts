import { expect } from 'vitest';
import { docxText } from '../documents.js';
import type { Case, MatrixModule } from './types.js';

/**
 * 村干部 documents and import (issue 15 point 8): the rosters, a cadre's 干部任免审批表 and the 两委 import. The ids
 * (cadresBranch, cadrePerson) are the cadres module's (matrix/cadres.ts setup): a person of another village named in
 * an own village's form must look like no one.
 */
const rows: Record<string, Case> = {
  'GET /api/cadres/villages/:orgId/roster/:format': { foreign: (f) => ['pdf', 'docx', 'xlsx'].map((format) => ({ url: `/api/cadres/villages/${f.org}/roster/${format}` })) },
  'GET /api/cadres/roster/:format': {},
  'GET /api/cadres/villages/:orgId/people/:personId/approval-form/:format': {
    foreign: (f, own) => [
      { url: `/api/cadres/villages/${f.org}/people/${f.cadrePerson}/approval-form/pdf` },
      { url: `/api/cadres/villages/${own.cadresBranch}/people/${f.cadrePerson}/approval-form/docx` },
    ],
  },
  'POST /api/cadres/villages/:orgId/import': { foreign: (f) => [{ url: `/api/cadres/villages/${f.org}/import?dryRun=true`, body: {} }] },
  'GET /api/cadres/import-template': {},
};

export const cadreDocumentsMatrix: MatrixModule = {
  rows,
  async lists(s, role, _visible, foreignNames) {
    // The town roster is the town board's list as a file: only the town admin reads it, and never another town's people.
    const res = await s.get('/api/cadres/roster/docx');
    if (role !== 'admin') {
      expect(res.statusCode, `${role}: the town roster`).toBe(403);
      return;
    }
    const text = await docxText(res);
    expect(text).toContain('村两委成员名册');
    for (const name of foreignNames) expect(text).not.toContain(name);
  },
};
