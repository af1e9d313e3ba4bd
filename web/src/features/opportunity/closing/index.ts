export { ClosingPanel, offersFromStage } from './ClosingPanel';
