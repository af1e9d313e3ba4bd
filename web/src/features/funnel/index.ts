export { FunnelPage } from './FunnelPage';
