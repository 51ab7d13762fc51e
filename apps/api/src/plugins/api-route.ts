import type { FastifyRequest } from 'fastify';

/**
 * Whether the request reached a route registered under /api, by the route Fastify matched (its URL pattern as
 * registered), never by the raw URL: the router decodes the path, so `/%61pi/members/6` reaches `/api/members/:id`
 * while `request.url` still starts with `/%61pi` (issue 12 point 5). An unmatched request (404) is no API route.
 */
export function isApiRoute(request: FastifyRequest): boolean {
  return !request.is404 && isApiPattern(request.routeOptions.url);
}

/** Whether a route's URL pattern, as registered, lies under /api (the OpenAPI document asks this of every route). */
export const isApiPattern = (pattern: string | undefined): boolean => pattern === '/api' || !!pattern?.startsWith('/api/');
