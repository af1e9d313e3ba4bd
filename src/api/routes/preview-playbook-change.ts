import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewInput, previewPlaybookChange } from '../../app/playbook/preview-playbook-change.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { playbookPreviewSchema } from '../schemas/playbook-version-schemas.js';

export const previewPlaybookChangeRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/playbook/preview',
    {
      schema: {
        operationId: 'previewPlaybookChange',
        tags: ['playbook'],
        summary: 'Preview a playbook change against the live data',
        description:
          'Changes nothing. The candidate file (YAML or JSON text) against the version in force: stages, probabilities, ' +
          'criteria and qualification levels that differ; whether the server would start with it (every key the records ' +
          'use is in it or mapped under `mappings:`) with each problem and its count, or what it would move; and the ' +
          'open deals whose stage would now ask for something unmet. A file that does not parse or validate is a 400 ' +
          'whose issues name `source` and the path in the file (YAML syntax errors give the line and column).',
        body: previewInput,
        response: { 200: playbookPreviewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => unwrap(await previewPlaybookChange(app.context, request.actor, request.body)),
  );
};
