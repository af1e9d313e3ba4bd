/**
 * Every HTTP route, one module per route. To add one:
 *   1. create `routes/<verb>-<resource>.ts` exporting `export const <verb><Resource>Route: FastifyPluginAsyncZod`
 *      that declares ONE route with a full path (`/api/v1/...`), zod `schema` (params, querystring, body,
 *      response, `...problemResponses(...)`), `tags` and `operationId` (the export's name without `Route`);
 *   2. in the handler: `unwrap(await useCase(request.context, request.actor, input))` (a failed Result becomes
 *      problem+json through APP_ERROR_STATUS), `expectedVersionFrom(request)` for If-Match, and
 *      `reply.header('etag', etagFor(record.version))` on reads and writes of versioned records;
 *   3. add it to ROUTES below (keep it sorted by path) and its tag to TAGS in ../openapi.ts; then
 *      `npm run api:types` regenerates the web app's API types (a test fails while they are stale).
 * Every route requires a signed-in caller (401 otherwise) unless it says `config: { public: true }`; use
 * cases get `request.actor` (the user, with their role's rights) and decide what that user may do.
 * Routes never touch SQL or build error bodies by hand.
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activateTerritoryModelRoute } from './activate-territory-model.js';
import { addPocBenchmarkRoute } from './add-poc-benchmark.js';
import { addPocSessionRoute } from './add-poc-session.js';
import { adjustForecastRoute } from './adjust-forecast.js';
import { attestCriterionRoute, withdrawAttestationRoute } from './attest-criterion.js';
import { createAwsPrivateOfferRoute, releaseAwsPrivateOfferRoute } from './aws-private-offer.js';
import { removeActivityRoute, updateActivityRoute } from './change-activity.js';
import { correctContractRoute, endContractRoute } from './change-contract.js';
import { changeStageRoute } from './change-stage.js';
import { chooseOfferOptionRoute } from './choose-offer-option.js';
import { countPendingApprovalsRoute } from './count-pending-approvals.js';
import { createAccountRoute } from './create-account.js';
import { createContactRoute } from './create-contact.js';
import { createOpportunityRoute } from './create-opportunity.js';
import { createPocPlanRoute } from './create-poc-plan.js';
import { createTerritoryModelRoute } from './create-territory-model.js';
import { createTokenRoute } from './create-token.js';
import { createUserRoute } from './create-user.js';
import { createWebhookSubscriptionRoute } from './create-webhook-subscription.js';
import { decideApprovalRoute } from './decide-approval.js';
import { draftOfferRoute } from './draft-offer.js';
import {
  exportAccountsRoute,
  exportForecastRoute,
  exportHistoryRoute,
  exportOpportunitiesRoute,
} from './export-csv.js';
import { generateQuoteRoute } from './generate-quote.js';
import { getAccountRoute } from './get-account.js';
import { getForecastRoute } from './get-forecast.js';
import { getFunnelRoute } from './get-funnel.js';
import { getHealthRoute } from './get-health.js';
import { getImportMappingTemplateRoute } from './get-import-mapping-template.js';
import { getImportRunRoute } from './get-import-run.js';
import { getMeRoute } from './get-me.js';
import { getOfferRoute } from './get-offer.js';
import { getOpenApiRoute } from './get-openapi.js';
import { getOpportunityRoute } from './get-opportunity.js';
import { getOpportunityHistoryRoute } from './get-opportunity-history.js';
import { getOpportunityInspectionRoute } from './get-opportunity-inspection.js';
import { getPipelineBoardRoute } from './get-pipeline-board.js';
import { getPlaybookRoute } from './get-playbook.js';
import { getPocPlanRoute } from './get-poc-plan.js';
import { getQuotePdfRoute } from './get-quote-pdf.js';
import { getRevenueRoute } from './get-revenue.js';
import { getTerritoryModelRoute } from './get-territory-model.js';
import { getWebhookDeliveryRoute } from './get-webhook-delivery.js';
import { importQuotasRoute } from './import-quotas.js';
import { listAccountContractsRoute } from './list-account-contracts.js';
import { listAccountsRoute } from './list-accounts.js';
import { listAccountActivitiesRoute, listDealActivitiesRoute } from './list-activities.js';
import { listAuditEventsRoute } from './list-audit-events.js';
import { listDealOffersRoute } from './list-deal-offers.js';
import { listDealsAtRiskRoute } from './list-deals-at-risk.js';
import { listDemoUsersRoute } from './list-demo-users.js';
import { listForecastCallsRoute } from './list-forecast-calls.js';
import { listForecastChangesRoute } from './list-forecast-changes.js';
import { listFxRatesRoute } from './list-fx-rates.js';
import { listImportRunsRoute } from './list-import-runs.js';
import { listOpportunitiesRoute } from './list-opportunities.js';
import { listPendingApprovalsRoute } from './list-pending-approvals.js';
import { listPlaybookVersionsRoute } from './list-playbook-versions.js';
import { listQuotasRoute } from './list-quotas.js';
import { listQuotesRoute } from './list-quotes.js';
import { listTerritoryModelsRoute } from './list-territory-models.js';
import { listTokensRoute } from './list-tokens.js';
import { listUsersRoute } from './list-users.js';
import { listWebhookDeliveriesRoute } from './list-webhook-deliveries.js';
import { listWebhookEventTypesRoute } from './list-webhook-event-types.js';
import { listWebhookSubscriptionsRoute } from './list-webhook-subscriptions.js';
import { logAccountActivityRoute, logDealActivityRoute } from './log-activity.js';
import { loginRoute } from './login.js';
import { logoutRoute } from './logout.js';
import { markOfferPresentedRoute } from './mark-offer-presented.js';
import { previewPlaybookChangeRoute } from './preview-playbook-change.js';
import { previewTerritoryReassignmentRoute } from './preview-territory-reassignment.js';
import { receiveAwsMarketplaceEventRoute } from './receive-aws-marketplace-event.js';
import { receiveDocusignConnectRoute } from './receive-docusign-connect.js';
import { recordContractRoute } from './record-contract.js';
import { recordMilestoneRoute, withdrawMilestoneRoute } from './record-milestone.js';
import { recordPocReadoutRoute } from './record-poc-readout.js';
import { replayWebhookDeliveryRoute } from './replay-webhook-delivery.js';
import { reviseOfferRoute } from './revise-offer.js';
import { revokeTokenRoute } from './revoke-token.js';
import { rotateWebhookSecretRoute } from './rotate-webhook-secret.js';
import { routeTerritoryRoute } from './route-territory.js';
import { sendQuoteForSignatureRoute } from './send-quote-for-signature.js';
import { setFxRatesRoute } from './set-fx-rates.js';
import { setMeddpiccRoute } from './set-meddpicc.js';
import { setPocTcoRoute } from './set-poc-tco.js';
import { setQuotasRoute } from './set-quotas.js';
import { signOffPocPlanRoute, withdrawPocSignOffRoute } from './sign-off-poc-plan.js';
import { resumeStallRoute, snoozeStallRoute } from './snooze-stall.js';
import { startImportRoute } from './start-import.js';
import { submitForecastRoute } from './submit-forecast.js';
import { submitOfferRoute } from './submit-offer.js';
import { takeDealSnapshotRoute } from './take-deal-snapshot.js';
import { updateAccountRoute } from './update-account.js';
import { updateContactRoute } from './update-contact.js';
import { updateOpportunityRoute } from './update-opportunity.js';
import { removePocBenchmarkRoute, updatePocBenchmarkRoute } from './update-poc-benchmark.js';
import { updatePocCriterionRoute } from './update-poc-criterion.js';
import { updatePocSessionRoute } from './update-poc-session.js';
import { updateTerritoryDraftRoute } from './update-territory-draft.js';
import { updateUserRoute } from './update-user.js';
import { updateWebhookSubscriptionRoute } from './update-webhook-subscription.js';
import { uploadImportFileRoute } from './upload-import-file.js';

const ROUTES: FastifyPluginAsyncZod[] = [
  getHealthRoute,
  listAccountsRoute,
  createAccountRoute,
  getAccountRoute,
  updateAccountRoute,
  createContactRoute,
  listAccountContractsRoute,
  recordContractRoute,
  correctContractRoute,
  endContractRoute,
  startImportRoute,
  uploadImportFileRoute,
  listImportRunsRoute,
  getImportMappingTemplateRoute,
  getImportRunRoute,
  listAccountActivitiesRoute,
  logAccountActivityRoute,
  updateActivityRoute,
  removeActivityRoute,
  updateContactRoute,
  exportAccountsRoute,
  exportOpportunitiesRoute,
  exportHistoryRoute,
  exportForecastRoute,
  listOpportunitiesRoute,
  createOpportunityRoute,
  getOpportunityRoute,
  updateOpportunityRoute,
  attestCriterionRoute,
  withdrawAttestationRoute,
  getOpportunityHistoryRoute,
  listDealActivitiesRoute,
  logDealActivityRoute,
  getOpportunityInspectionRoute,
  listDealsAtRiskRoute,
  setMeddpiccRoute,
  recordMilestoneRoute,
  withdrawMilestoneRoute,
  createPocPlanRoute,
  getPocPlanRoute,
  addPocSessionRoute,
  updatePocSessionRoute,
  updatePocCriterionRoute,
  addPocBenchmarkRoute,
  updatePocBenchmarkRoute,
  removePocBenchmarkRoute,
  setPocTcoRoute,
  signOffPocPlanRoute,
  withdrawPocSignOffRoute,
  recordPocReadoutRoute,
  snoozeStallRoute,
  resumeStallRoute,
  changeStageRoute,
  listDealOffersRoute,
  draftOfferRoute,
  getOfferRoute,
  reviseOfferRoute,
  submitOfferRoute,
  decideApprovalRoute,
  markOfferPresentedRoute,
  chooseOfferOptionRoute,
  sendQuoteForSignatureRoute,
  createAwsPrivateOfferRoute,
  releaseAwsPrivateOfferRoute,
  listPendingApprovalsRoute,
  countPendingApprovalsRoute,
  listQuotesRoute,
  generateQuoteRoute,
  getQuotePdfRoute,
  getPipelineBoardRoute,
  getForecastRoute,
  submitForecastRoute,
  adjustForecastRoute,
  listForecastCallsRoute,
  listFxRatesRoute,
  setFxRatesRoute,
  listQuotasRoute,
  setQuotasRoute,
  importQuotasRoute,
  takeDealSnapshotRoute,
  listForecastChangesRoute,
  getFunnelRoute,
  getRevenueRoute,
  receiveAwsMarketplaceEventRoute,
  receiveDocusignConnectRoute,
  getOpenApiRoute,
  getPlaybookRoute,
  listPlaybookVersionsRoute,
  previewPlaybookChangeRoute,
  routeTerritoryRoute,
  listTerritoryModelsRoute,
  createTerritoryModelRoute,
  getTerritoryModelRoute,
  updateTerritoryDraftRoute,
  previewTerritoryReassignmentRoute,
  activateTerritoryModelRoute,
  listAuditEventsRoute,
  loginRoute,
  logoutRoute,
  getMeRoute,
  listDemoUsersRoute,
  listTokensRoute,
  createTokenRoute,
  revokeTokenRoute,
  listUsersRoute,
  createUserRoute,
  updateUserRoute,
  listWebhookEventTypesRoute,
  listWebhookSubscriptionsRoute,
  createWebhookSubscriptionRoute,
  updateWebhookSubscriptionRoute,
  rotateWebhookSecretRoute,
  listWebhookDeliveriesRoute,
  getWebhookDeliveryRoute,
  replayWebhookDeliveryRoute,
];

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  for (const route of ROUTES) await app.register(route);
}
