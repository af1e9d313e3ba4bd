import type { RequestBodyOf, Schemas } from './schema-types';

/** An import run as GET /api/v1/imports/{id} answers it: progress, counts and the errors by line. */
export type ImportRun = Schemas['ImportRun'];
export type ImportRunError = ImportRun['errors'][number];
export type ImportMode = ImportRun['mode'];
export type StartImport = RequestBodyOf<'startImport'>;
export type ImportMappingTemplate = Schemas['ImportMappingTemplate'];
/** A run without its errors, as GET /api/v1/imports lists it. */
export type ImportRunSummary = Schemas['ImportRunSummary'];
