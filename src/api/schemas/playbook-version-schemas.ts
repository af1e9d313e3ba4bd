import { z } from 'zod';
import type { PlaybookVersionEntry } from '../../app/playbook/list-playbook-versions.js';
import type { PlaybookPreview } from '../../app/playbook/preview-playbook-change.js';
import { FORECAST_CATEGORIES, MEDDPICC_LEVELS } from '../../domain/playbook/playbook.js';
import { MAPPED_KINDS } from '../../domain/playbook/playbook-mappings.js';
import { missingRequirementSchema } from './missing-requirement-schema.js';
import { timestamp } from './record-schemas.js';

const keyMap = z.record(z.string(), z.string());
const keyMapOrRetire = z.record(z.string(), z.string().nullable());

export const playbookMappingsSchema = z
  .object({
    stages: z.record(z.string(), keyMap).optional().describe('Per old pipeline: old stage → new stage'),
    types: keyMap.optional(),
    criteria: keyMapOrRetire.optional().describe('null retires the attestations'),
    qualificationElements: keyMapOrRetire.optional(),
    milestones: keyMapOrRetire.optional(),
    leadSources: keyMap.optional(),
    lossReasons: keyMap.optional(),
  })
  .meta({ id: 'PlaybookMappings' });

const summarySchema = z.object({
  dealsMoved: z.number().int().describe('Deals given another type, pipeline or stage'),
  dealsReprobabilised: z
    .number()
    .int()
    .describe('Deals whose stage kept its key but changed probability or category'),
  recordsRenamed: z
    .number()
    .int()
    .describe('Attestations, qualification entries, milestones, sources, loss reasons'),
  recordsRetired: z.number().int(),
});

export const playbookVersionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    playbookId: z.string(),
    name: z.string(),
    contentHash: z.string().describe('SHA-256 of the canonical JSON: a reformatted file is the same version'),
    mappings: playbookMappingsSchema.nullable(),
    summary: summarySchema,
    loadedAt: timestamp,
    loadedBy: z.string(),
    inForce: z.boolean(),
  })
  .meta({ id: 'PlaybookVersion' }) satisfies z.ZodType<PlaybookVersionEntry>;

const keyChange = z.enum(['added', 'removed', 'mapped']);
const level = z.enum(MEDDPICC_LEVELS);
const named = z.object({
  key: z.string(),
  name: z.string(),
  change: keyChange,
  mappedTo: z.string().nullable().optional(),
});

const place = z.object({
  type: z.string(),
  pipeline: z.string(),
  stage: z.string(),
  probability: z.number(),
  forecastCategory: z.string(),
});

const planSchema = z.object({
  deals: z.array(
    z.object({
      from: place,
      to: place.extend({ forecastCategory: z.enum(FORECAST_CATEGORIES) }),
      count: z.number().int(),
    }),
  ),
  keys: z.array(
    z.object({
      kind: z.enum(MAPPED_KINDS).exclude(['stage', 'type']),
      from: z.string(),
      to: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
  summary: summarySchema,
});

export const playbookPreviewSchema = z
  .object({
    inForce: z.object({ number: z.number().int().nullable(), playbookId: z.string(), name: z.string() }),
    candidate: z.object({
      playbookId: z.string(),
      name: z.string(),
      contentHash: z.string(),
      sameAsInForce: z.boolean(),
    }),
    diff: z.object({
      stages: z.array(
        z.object({
          pipeline: z.string(),
          key: z.string(),
          name: z.string(),
          change: keyChange,
          mappedTo: z.string().optional(),
        }),
      ),
      probabilities: z.array(
        z.object({
          pipeline: z.string(),
          stage: z.string(),
          name: z.string(),
          from: z.number(),
          to: z.number(),
          forecastFrom: z.string(),
          forecastTo: z.string(),
        }),
      ),
      criteria: z.array(
        z.object({
          pipeline: z.string(),
          stage: z.string(),
          phase: z.enum(['entrance', 'exit']),
          key: z.string(),
          text: z.string(),
          change: keyChange,
          mappedTo: z.string().nullable().optional(),
        }),
      ),
      qualificationLevels: z.array(
        z.object({
          pipeline: z.string(),
          stage: z.string(),
          element: z.string(),
          from: level.nullable(),
          to: level.nullable(),
        }),
      ),
      types: z.array(named),
      qualificationElements: z.array(named),
      unchanged: z.boolean(),
    }),
    check: z.object({
      accepted: z.boolean().describe('Whether the server would start with it'),
      problems: z.array(
        z.object({
          kind: z.enum(MAPPED_KINDS),
          key: z.string(),
          pipeline: z.string().optional(),
          count: z.number().int(),
          records: z.string(),
          mapWith: z.string().describe('Where in the file the mapping for it goes'),
          message: z.string(),
        }),
      ),
      plan: planSchema.nullable().describe('What loading it would move, when accepted'),
    }),
    unmet: z.object({
      deals: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          pipeline: z.string(),
          stage: z.string(),
          stageName: z.string(),
          missing: z.array(missingRequirementSchema),
        }),
      ),
      checked: z.number().int(),
      total: z.number().int().describe('Open deals in the stages that now ask for more'),
      truncated: z.boolean(),
    }),
  })
  .meta({ id: 'PlaybookPreview' }) satisfies z.ZodType<PlaybookPreview>;
