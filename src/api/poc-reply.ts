import type { FastifyReply } from 'fastify';
import type { AppError } from '../app/app-error.js';
import type { PocView } from '../app/poc/poc-view.js';
import type { Result } from '../domain/result.js';
import { etagFor } from './concurrency.js';
import { unwrap } from './errors/unwrap.js';

/** Answers a POC read or change with the plan view and the deal's ETag (POC writes bump the deal version). */
export function sendPocView(reply: FastifyReply, result: Result<PocView, AppError>, status = 200) {
  const view = unwrap(result);
  reply.header('etag', etagFor(view.opportunityVersion));
  return reply.code(status).send(view);
}
