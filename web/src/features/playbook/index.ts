export { PlaybookPage } from './PlaybookPage';
