/**
 * Activities on a deal or an account: the timeline (with Log activity, edit and delete), the form, and the
 * query/mutation hooks with their keys. See each file's head for its API.
 */

export { ActivityTimeline } from './ActivityTimeline';
export { ACTIVITY_KINDS, kindLabel } from './activity-format';
export { LogActivityForm } from './LogActivityForm';
export {
  ACTIVITY_PAGE_SIZE,
  type ActivityFields,
  type ActivityTarget,
  activitiesPath,
  activityKeys,
  logRightOf,
  useActivities,
  useDeleteActivity,
  useLogActivity,
  useUpdateActivity,
} from './queries';
