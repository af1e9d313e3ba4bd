export { RevenuePage } from './RevenuePage';
