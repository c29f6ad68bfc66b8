import type { FastifyReply } from 'fastify';

/**
 * Sends a response body already encoded as JSON — built from the route's own contract and validated when it
 * was computed (the cached reads) — without serializing it again. The route keeps declaring its response
 * schema, so the API documentation describes these bytes like any other answer.
 */
export function sendJsonBytes(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(bytes);
}
