import type { ResponseOf, Schemas } from './schema-types';

/** The POC method and win milestones as the API answers them (timestamps are ISO strings on the wire). */
export type PocView = ResponseOf<'getPocPlan'>;
export type PocPlan = PocView['plan'];
export type PocSession = PocPlan['sessions'][number];
export type PocCriterion = PocPlan['criteria'][number];
export type PocBenchmark = PocPlan['benchmarks'][number];
export type PocSessionStatus = PocSession['status'];
export type PocCriterionStatus = PocCriterion['status'];
export type PocStatus = PocView['assessment']['status'];
/** The key of one of the playbook's success-criteria groups (e.g. technical, or throughput). */
export type PocCriteriaGroup = PocCriterion['group'];

export type Milestone = Schemas['Milestone'];
