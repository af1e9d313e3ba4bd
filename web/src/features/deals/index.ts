export { DealsPage } from './DealsPage';
