export { NewDealPage } from './NewDealPage';
