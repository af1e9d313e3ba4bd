import type { Migration } from 'kysely';
import * as initial from './001-initial.js';
import * as opportunityCreator from './002-opportunity-creator.js';
import * as signIn from './003-sign-in.js';
import * as stallSnooze from './004-stall-snooze.js';
import * as pocAndMilestones from './005-poc-and-milestones.js';
import * as contracts from './006-contracts.js';
import * as activities from './007-activities.js';
import * as neutralPocNames from './008-neutral-poc-names.js';
import * as reliability from './009-reliability.js';
import * as playbookVersions from './010-playbook-versions.js';
import * as closingOffers from './011-closing-offers.js';
import * as quotes from './012-quotes.js';
import * as webhooks from './013-webhooks.js';
import * as inboundEvents from './014-inbound-events.js';
import * as closingEvidence from './015-closing-evidence.js';
import * as territoryModels from './016-territory-models.js';
import * as forecast from './017-forecast.js';
import * as renewals from './018-renewals.js';
import * as imports from './019-imports.js';
import * as dealSnapshots from './020-deal-snapshots.js';
import * as forecastStatistics from './021-forecast-statistics.js';
import * as importUploads from './022-import-uploads.js';
import * as sharedGateSnapshots from './023-shared-gate-snapshots.js';
import * as dealInspections from './024-deal-inspections.js';

/** Every migration, by name, in the order they run. Append new ones; never rename or edit a shipped one. */
export const migrations: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-opportunity-creator': opportunityCreator,
  '003-sign-in': signIn,
  '004-stall-snooze': stallSnooze,
  '005-poc-and-milestones': pocAndMilestones,
  '006-contracts': contracts,
  '007-activities': activities,
  '008-neutral-poc-names': neutralPocNames,
  '009-reliability': reliability,
  '010-playbook-versions': playbookVersions,
  '011-closing-offers': closingOffers,
  '012-quotes': quotes,
  '013-webhooks': webhooks,
  '014-inbound-events': inboundEvents,
  '015-closing-evidence': closingEvidence,
  '016-territory-models': territoryModels,
  '017-forecast': forecast,
  '018-renewals': renewals,
  '019-imports': imports,
  '020-deal-snapshots': dealSnapshots,
  '021-forecast-statistics': forecastStatistics,
  '022-import-uploads': importUploads,
  '023-shared-gate-snapshots': sharedGateSnapshots,
  '024-deal-inspections': dealInspections,
};
