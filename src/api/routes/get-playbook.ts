import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../errors/problem.js';
import { playbookResponseSchema } from '../schemas/playbook-schema.js';

export const getPlaybookRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/playbook',
    {
      schema: {
        operationId: 'getPlaybook',
        tags: ['playbook'],
        summary: 'The playbook in force',
        description:
          'Opportunity types, the pipelines with their stages, criteria and qualification levels, customer classes, the POC method.',
        response: { 200: playbookResponseSchema, ...problemResponses('default') },
      },
    },
    async (request) => request.context.playbook,
  );
};
