import { type Principal, rightsOf } from './principal.js';

/** A logged activity is changed or deleted by whoever logged it, or by an admin. */
export function mayChangeActivity(principal: Principal, activity: { createdBy: string }): boolean {
  return activity.createdBy === principal.id || rightsOf(principal).administer;
}

export const WHO_CHANGES_ACTIVITIES = 'Only the person who logged it, or a RevOps admin, may change it.';
