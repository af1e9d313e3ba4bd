import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getImportMappingTemplate } from '../../app/imports/get-import-mapping-template.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';

const mappingTemplateSchema = z
  .object({
    mapping: z.string().describe('The mapping file (YAML) as text, valid against the playbook in force'),
    playbook: z.string().describe('The name of the playbook it was made for'),
  })
  .meta({ id: 'ImportMappingTemplate' });

export const getImportMappingTemplateRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/imports/mapping-template',
    {
      schema: {
        operationId: 'getImportMappingTemplate',
        tags: ['imports'],
        summary: 'A mapping file to start an import from',
        description:
          "The playbook's pipelines' stages and its types by their names, Salesforce's Closed Won / Closed " +
          "Lost, the playbook's currency and lead sources; no owners. Edit it to your export's values and " +
          'send it to startImport. RevOps (importData).',
        response: { 200: mappingTemplateSchema, ...problemResponses(403) },
      },
    },
    async (request) => unwrap(getImportMappingTemplate(request.context, request.actor)),
  );
};
