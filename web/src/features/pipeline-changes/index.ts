export { PipelineChangesPage } from './PipelineChangesPage';
