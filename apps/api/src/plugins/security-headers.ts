import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { isApiRoute } from './api-route.js';

// antd writes its styles at run time, hence 'unsafe-inline' for styles only; scripts are same-origin files.
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export default fp(async function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Security-Policy', CSP);
    // API answers may carry personal data: never cache them in the browser or a proxy. Keyed on the matched route
    // (see isApiRoute); unmatched /api paths (the JSON 404) keep it too, as before.
    if (isApiRoute(request) || request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
});
