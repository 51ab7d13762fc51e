import { expect } from 'vitest';
import type { Case, Ids, MatrixModule } from './types.js';

/**
 * 账号管理 (issue 12 point 1): every route names a user (the `user` ids of the two-factor module: the villages'
 * secretaries and an account of the neighbouring town), and creating or re-granting names organisations. A user of
 * another town, or an organisation outside the scope, must look like none at all; everyone but a town admin gets 403.
 */
const user = (path = '') => (f: Ids) => [{ url: `/api/users/${f.user}${path}`, body: {} }];
const grantAt = (organizationId: number) => [{ role: 'member', organizationId }];

const rows: Record<string, Case> = {
  'GET /api/users': {},
  'POST /api/users': {
    foreign: (f) => [{ url: '/api/users', body: { username: 'yuequan.user', displayName: '越权账号', person: { kind: 'member', memberId: f.member }, grants: grantAt(f.org) } }],
  },
  'POST /api/users/credential-sheet': {
    foreign: (f) => [{ url: '/api/users/credential-sheet', body: { credentials: [{ userId: f.user, username: 'x', displayName: '越权', organizationName: '越权', oneTimePassword: 'x' }] } }],
  },
  // The preview names no id and lists only the caller's town (lists below); creating takes no id either.
  'GET /api/users/bulk/secretaries': {},
  'POST /api/users/bulk/secretaries': {},
  'GET /api/users/:id': { foreign: (f) => [{ url: `/api/users/${f.user}` }] },
  'PATCH /api/users/:id': {
    foreign: (f, own) => [
      { url: `/api/users/${f.user}`, body: { displayName: '越权改名' } },
      { url: `/api/users/${own.user}`, body: { grants: grantAt(f.org) } },
    ],
  },
  'POST /api/users/:id/disable': { foreign: user('/disable') },
  'POST /api/users/:id/enable': { foreign: user('/enable') },
  'POST /api/users/:id/reset-password': { foreign: user('/reset-password') },
  'POST /api/users/:id/unlock': { foreign: user('/unlock') },
  'GET /api/users/:id/sessions': { foreign: (f) => [{ url: `/api/users/${f.user}/sessions` }] },
  'DELETE /api/users/:id/sessions/:sessionId': { foreign: (f) => [{ url: `/api/users/${f.user}/sessions/${f.session}` }] },
};

export const usersMatrix: MatrixModule = {
  rows,
  // The user list is the town admin's, and holds no account of the neighbouring town.
  async lists(s, role, _visible, foreignNames) {
    const res = await s.get('/api/users');
    const bulk = await s.get('/api/users/bulk/secretaries');
    if (role !== 'admin') {
      expect(bulk.statusCode, role).toBe(403);
      return expect(res.statusCode, role).toBe(403);
    }
    for (const name of [...foreignNames, '邻镇检查员', '邻镇管理员']) expect(res.body).not.toContain(name);
    expect(bulk.statusCode).toBe(200);
    expect(bulk.body).not.toContain('邻村党支部');
  },
};
