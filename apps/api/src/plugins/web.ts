import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiRoot } from '../paths.js';

const webDist = join(apiRoot, '../web/dist');

/** Serves the built web app and answers unknown paths: JSON 404 for the API, index.html for the app's routes. */
export default fp(async function webPlugin(app: FastifyInstance) {
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      // One wildcard route rather than one per file (wildcard: false): listing and routing the ~280 built files
      // took a fifth of the start-up. A path that is no file falls through to the not-found handler below.
      root: webDist, wildcard: true, index: 'index.html',
      // The build writes .br/.gz beside each file (apps/web/vite.config.ts): sent as they are when the browser accepts them.
      preCompressed: true,
      // Hashed file names never change content: cached for a year. index.html names them, so it is checked each time.
      setHeaders: (reply, path) => { reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'); },
    });
  }
  // Unknown GET /api/ paths stay "no such route" (JSON 404, before any session check) instead of being looked
  // up as files by the wildcard route above.
  app.route({ method: ['GET', 'HEAD'], url: '/api/*', config: { public: true }, schema: { hide: true }, handler: (_request, reply) => reply.callNotFound() });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (hasWeb && !isApi && request.method === 'GET' && request.headers.accept?.includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在:${request.method} ${request.url.split('?')[0]}` });
  });
});
