import { z } from 'zod';
import {
  HEALTH_INDICATORS,
  type HealthIndicator,
  type InspectionSettings,
} from '../../domain/playbook/inspection-settings.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
const text = z.string().trim().min(1, 'must not be empty');
const share = z.number().positive();

const session = z
  .object({
    key,
    name: text,
    purpose: text,
    durationMinutes: z.number().int().positive().optional(),
    repeatable: z.boolean().default(false),
    agenda: z
      .array(z.object({ item: text, minutes: z.number().int().positive().optional() }).strict())
      .min(1),
  })
  .strict();

const weights = z
  .object(
    Object.fromEntries(
      HEALTH_INDICATORS.map((indicator) => [indicator, z.number().int().min(-100).max(100)]),
    ),
  )
  .strict() as unknown as z.ZodType<Record<HealthIndicator, number>>;

/** The inspection part of a playbook file: POC template, health weights, velocity settings. */
export const inspectionSchema = z
  .object({
    poc: z
      .object({
        availableFromStage: key,
        sessions: z.array(session).min(1),
        successCriteria: z
          .object({
            technical: z.array(text).min(1),
            business: z.array(text).min(1),
            relationship: z.array(text).min(1),
          })
          .strict(),
      })
      .strict(),
    health: z
      .object({
        base: z.number().int().min(0).max(100),
        weights,
        bands: z
          .object({ green: z.number().int().min(0).max(100), yellow: z.number().int().min(0).max(100) })
          .strict(),
        pushWindowDays: z.number().int().positive(),
        pushesBeforeRisk: z.number().int().positive(),
        stakeholderWindowDays: z.number().int().positive(),
        inactivityBusinessDays: z.number().int().positive(),
      })
      .strict(),
    velocity: z
      .object({ historyThreshold: z.number().int().positive(), fastRatio: share, stallRatio: share })
      .strict(),
    expansionUpliftThreshold: z.number().min(0),
  })
  .strict() satisfies z.ZodType<InspectionSettings, unknown>;
