export { DealsAtRiskPage } from './DealsAtRiskPage';
