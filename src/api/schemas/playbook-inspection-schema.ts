import { z } from 'zod';
import { HEALTH_INDICATORS, type InspectionSettings } from '../../domain/playbook/inspection-settings.js';

/** The inspection settings as GET /playbook answers them: the POC method (if any), health, velocity. */
const session = z.object({
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  durationMinutes: z.number().int().optional(),
  repeatable: z.boolean(),
  agenda: z.array(z.object({ item: z.string(), minutes: z.number().int().optional() })),
});

export const playbookInspectionSchema = z.object({
  poc: z
    .object({
      pipelines: z.array(z.string()).describe('The pipelines whose deals run the POC method'),
      availableFromStage: z.string(),
      sessions: z.array(session),
      resultsSession: z.string().describe('The session where the results are presented'),
      successCriteria: z.array(
        z.object({ key: z.string(), name: z.string(), criteria: z.array(z.string()) }),
      ),
    })
    .optional()
    .describe('Absent: the playbook has no POC method'),
  health: z.object({
    base: z.number().int(),
    weights: z.record(z.enum(HEALTH_INDICATORS), z.number().int()),
    bands: z.object({ green: z.number().int(), yellow: z.number().int() }),
    pushWindowDays: z.number().int(),
    pushesBeforeRisk: z.number().int(),
    stakeholderWindowDays: z.number().int(),
    inactivityBusinessDays: z.number().int(),
  }),
  velocity: z.object({ historyThreshold: z.number().int(), fastRatio: z.number(), stallRatio: z.number() }),
}) satisfies z.ZodType<InspectionSettings>;
