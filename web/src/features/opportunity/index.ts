export { OpportunityPage } from './OpportunityPage';
