import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { safeSignInNext } from '@dj/contracts';
import { apiRoot } from '../paths.js';

const webDist = join(apiRoot, '../web/dist');

/**
 * The platform's icon (party red, a white star), served by the API itself: the public village pages link it and need
 * no built web app; the web app's index.html links the same address. Browsers that ask for /favicon.ico are sent here.
 */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="#C8161D"/>'
  + '<path fill="#FFDE00" d="M16 6.5l2.35 7.23h7.6l-6.15 4.47 2.35 7.23L16 20.96l-6.15 4.47 2.35-7.23-6.15-4.47h7.6z"/></svg>';

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
  if (hasWeb) {
    // The plain sign-in page (apps/web/login.html, issue 21 point 4). Someone already signed in goes straight on, to the
    // page they came for or to their role's page, without loading the page first.
    app.route<{ Querystring: { next?: string } }>({ method: ['GET', 'HEAD'], url: '/login', config: { public: true }, schema: { hide: true },
      handler: (request, reply) => request.user
        ? reply.redirect(safeSignInNext(request.query.next) ?? '/')
        : reply.header('cache-control', 'no-cache').type('text/html').sendFile('login.html') });
  }
  app.route({ method: ['GET', 'HEAD'], url: '/favicon.svg', config: { public: true }, schema: { hide: true },
    handler: (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG) });
  app.route({ method: ['GET', 'HEAD'], url: '/favicon.ico', config: { public: true }, schema: { hide: true },
    handler: (_request, reply) => reply.redirect('/favicon.svg', 301) });
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
