export { ForecastPage } from './ForecastPage';
