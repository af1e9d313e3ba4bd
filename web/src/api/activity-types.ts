import type { RequestBodyOf, Schemas } from './schema-types';

/** Activities as /opportunities/{id}/activities and /accounts/{id}/activities answer them. */
export type ActivityKind = Schemas['Activity']['kind'];

/** An activity with whether the caller may edit or delete it (whoever logged it, admins). */
export type Activity = Schemas['ActivityView'];

/** An activity as PATCH /activities/{id} answers it (without the caller's rights). */
export type ActivityRecord = Schemas['Activity'];

export type LogActivityInput = RequestBodyOf<'logDealActivity'>;
