/**
 * The route pattern of src/api/routes, on a fake use case: copied into the report for other engineers
 * and kept compiling and tested here.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { etagFor, expectedVersionFrom } from '../../src/api/concurrency.js';
import { problemResponses } from '../../src/api/errors/problem.js';
import { unwrap } from '../../src/api/errors/unwrap.js';
import type { AppError } from '../../src/app/app-error.js';
import type { Actor, AppContext } from '../../src/app/context.js';
import { lockForWrite } from '../../src/app/shared/lock-for-write.js';
import { ok, type Result } from '../../src/domain/result.js';

interface Widget {
  id: string;
  name: string;
  version: number;
}

const widgets = new Map<string, Widget>([['wid_1', { id: 'wid_1', name: 'First', version: 3 }]]);

/** Stands in for a src/app use case: load → decide → save, expected failures as values. */
async function renameWidget(
  _context: AppContext,
  _actor: Actor,
  input: { id: string; name: string; expectedVersion: number | undefined },
): Promise<Result<Widget, AppError>> {
  const locked = await lockForWrite(
    async () => widgets.get(input.id),
    'Widget',
    input.id,
    input.expectedVersion,
  );
  if (!locked.ok) return locked;
  return ok({ ...locked.value, name: input.name, version: locked.value.version + 1 });
}

const widgetSchema = z
  .object({ id: z.string(), name: z.string(), version: z.number().int() })
  .meta({ id: 'Widget' });
const renameWidgetBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();

export const renameWidgetRoute: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/v1/widgets/:id',
    {
      schema: {
        tags: ['widgets'],
        summary: 'Rename a widget',
        params: z.object({ id: z.string().max(64) }),
        headers: z.object({ 'if-match': z.string().optional().describe('The ETag you read, e.g. "v3"') }),
        body: renameWidgetBody,
        response: { 200: widgetSchema, ...problemResponses(400, 404, 412) },
      },
    },
    async (request, reply) => {
      const widget = unwrap(
        await renameWidget(app.context, request.actor, {
          id: request.params.id,
          name: request.body.name,
          expectedVersion: expectedVersionFrom(request),
        }),
      );
      reply.header('etag', etagFor(widget.version));
      return widget;
    },
  );
};
