export { TerritoriesPage } from './TerritoriesPage';
