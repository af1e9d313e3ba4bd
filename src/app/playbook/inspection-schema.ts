import { z } from 'zod';
import { DEFAULT_HEALTH, DEFAULT_VELOCITY } from '../../domain/playbook/health-defaults.js';
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

/** Each indicator's points; one left out keeps the engine's default (src/domain/playbook/health-defaults.ts). */
const weights = z
  .object(
    Object.fromEntries(
      HEALTH_INDICATORS.map((indicator) => [
        indicator,
        z.number().int().min(-100).max(100).default(DEFAULT_HEALTH.weights[indicator]),
      ]),
    ),
  )
  .strict()
  .prefault({}) as unknown as z.ZodType<
  Record<HealthIndicator, number>,
  Partial<Record<HealthIndicator, number>> | undefined
>;

/** The inspection part of a playbook file: POC template (optional), health weights and velocity (defaults). */
export const inspectionSchema = z
  .object({
    poc: z
      .object({
        pipelines: z.array(key).min(1),
        availableFromStage: key,
        sessions: z.array(session).min(1),
        resultsSession: key.optional(),
        successCriteria: z
          .array(z.object({ key, name: text, criteria: z.array(text).min(1) }).strict())
          .min(1),
      })
      .strict()
      .transform(({ resultsSession, ...poc }) => ({
        ...poc,
        resultsSession: resultsSession ?? poc.sessions[poc.sessions.length - 1]?.key ?? '',
      }))
      .optional(),
    health: z
      .object({
        base: z.number().int().min(0).max(100).default(DEFAULT_HEALTH.base),
        weights,
        bands: z
          .object({ green: z.number().int().min(0).max(100), yellow: z.number().int().min(0).max(100) })
          .strict()
          .default(DEFAULT_HEALTH.bands),
        pushWindowDays: z.number().int().positive().default(DEFAULT_HEALTH.pushWindowDays),
        pushesBeforeRisk: z.number().int().positive().default(DEFAULT_HEALTH.pushesBeforeRisk),
        stakeholderWindowDays: z.number().int().positive().default(DEFAULT_HEALTH.stakeholderWindowDays),
        inactivityBusinessDays: z.number().int().positive().default(DEFAULT_HEALTH.inactivityBusinessDays),
      })
      .strict()
      .prefault({ weights: {} }),
    velocity: z
      .object({
        historyThreshold: z.number().int().positive().default(DEFAULT_VELOCITY.historyThreshold),
        fastRatio: share.default(DEFAULT_VELOCITY.fastRatio),
        stallRatio: share.default(DEFAULT_VELOCITY.stallRatio),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({}) satisfies z.ZodType<InspectionSettings, unknown>;
