export { AccountPage } from './AccountPage';
export { AccountsPage } from './AccountsPage';
