export { ForecastSettingsPage } from './ForecastSettingsPage';
