import { HEALTH_INDICATORS } from '../playbook/inspection-settings.js';
import type { Health } from './health.js';
import type { Velocity, VelocityClass } from './velocity.js';

/** The order of the at-risk list by velocity: At Risk first, then Recovery, Standard, Fast Track. */
const VELOCITY_ORDER: Record<VelocityClass, number> = { at_risk: 0, recovery: 1, standard: 2, fast_track: 3 };

/** What a list sorts, filters and badges by, as kept with each open deal (decision 024). */
export interface StoredVerdict {
  healthScore: number;
  healthBand: Health['band'];
  /** Bit i set: HEALTH_INDICATORS[i] holds. */
  indicatorMask: number;
  velocityClass: VelocityClass;
  /** Ascending = worst first: by class, then the longest in stage first. */
  velocityRank: number;
  daysInStage: number;
  /** Business days; a median of closed deals may be a half. */
  expectedDays: number | null;
  meddpiccScore: number;
  /** In trouble: health red or velocity At Risk (what Deals at risk lists). */
  atRisk: boolean;
}

export const isInTrouble = (health: Pick<Health, 'band'>, velocity: Pick<Velocity, 'class'>) =>
  health.band === 'red' || velocity.class === 'at_risk';

export const velocityRank = (velocity: Pick<Velocity, 'class' | 'daysInStage'>) =>
  VELOCITY_ORDER[velocity.class] * 1_000_000 - velocity.daysInStage;

export function storedVerdict(health: Health, velocity: Velocity, meddpiccScore: number): StoredVerdict {
  let indicatorMask = 0;
  for (const reason of health.reasons) indicatorMask |= 1 << HEALTH_INDICATORS.indexOf(reason.indicator);
  return {
    healthScore: health.score,
    healthBand: health.band,
    indicatorMask,
    velocityClass: velocity.class,
    velocityRank: velocityRank(velocity),
    daysInStage: velocity.daysInStage,
    expectedDays: velocity.expectedDays,
    meddpiccScore,
    atRisk: isInTrouble(health, velocity),
  };
}
