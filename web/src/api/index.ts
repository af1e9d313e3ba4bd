export type * from './activity-types';
export { getJson, type RequestOptions, request, setCsrfToken, whenSignedOut } from './client';
export type * from './contract-types';
export type * from './permission-types';
export type * from './playbook-types';
export type * from './playbook-version-types';
export type * from './poc-types';
export { ApiError, describeError, type MissingRequirement, type Problem } from './problem';
export type * from './types';
