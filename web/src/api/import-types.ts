import type { RequestBodyOf, Schemas } from './schema-types';

/** An import run as GET /api/v1/imports/{id} answers it: progress, counts and the errors by line. */
export type ImportRun = Schemas['ImportRun'];
export type ImportRunError = ImportRun['errors'][number];
export type ImportMode = ImportRun['mode'];
export type StartImport = RequestBodyOf<'startImport'>;
export type ImportMappingTemplate = Schemas['ImportMappingTemplate'];
/** A run without its errors, as GET /api/v1/imports lists it. */
export type ImportRunSummary = Schemas['ImportRunSummary'];
/** A file uploaded for an import (POST /api/v1/imports/uploads): its id goes to startImport. */
export type ImportUpload = Schemas['ImportUpload'];
