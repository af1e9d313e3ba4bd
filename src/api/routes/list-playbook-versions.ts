import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listPlaybookVersions } from '../../app/playbook/list-playbook-versions.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { playbookVersionSchema } from '../schemas/playbook-version-schemas.js';

export const listPlaybookVersionsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/playbook/versions',
    {
      schema: {
        operationId: 'listPlaybookVersions',
        tags: ['playbook'],
        summary: "The playbook's versions",
        description:
          'Every playbook the server has run over this database, newest (the one in force) first, with the mappings ' +
          'applied when each was loaded and what they moved. For the roles that manage the playbook (RevOps).',
        response: { 200: z.object({ items: z.array(playbookVersionSchema) }), ...problemResponses(401, 403) },
      },
    },
    async (request) => unwrap(await listPlaybookVersions(app.context, request.actor)),
  );
};
