import type { FastifyReply } from 'fastify';

/**
 * A body the service already encoded through the route's contract (a build kept as text: the district board, the town
 * 驾驶舱): sent as it is, since Fastify hands a string with a JSON content type to no serializer (docs/decisions/014).
 */
export const sendEncoded = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json as never);
