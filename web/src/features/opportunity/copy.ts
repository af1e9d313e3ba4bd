export { words } from '../../shared/words';
