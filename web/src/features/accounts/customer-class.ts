import type { CustomerClassRule, Opportunity, Playbook } from '../../api';
import { findPipeline, findStage } from '../../shared/playbook';

/** A class is coloured by what makes it (its rule in the playbook), whatever the playbook calls it. */
export const CLASS_COLORS: Record<CustomerClassRule, string> = {
  otherwise: 'gray',
  self_serve_usage: 'teal',
  contract_in_force: 'violet',
};

export const classColor = (rule: CustomerClassRule | undefined): string =>
  (rule && CLASS_COLORS[rule]) ?? 'gray';

/** The playbook's class made by a rule, if it has one (the class a contract in force makes, …). */
export const classByRule = (playbook: Playbook | undefined, rule: CustomerClassRule) =>
  playbook?.customerClasses.find((candidate) => candidate.when === rule);

/** The deals won on the account: in a stage whose outcome is won in the playbook. */
export function wonDealsOf(opportunities: Opportunity[], playbook: Playbook | undefined): Opportunity[] {
  if (!playbook) return [];
  return opportunities.filter((deal) => {
    const pipeline = findPipeline(playbook, deal.pipeline);
    return pipeline !== undefined && findStage(pipeline, deal.stage)?.outcome === 'won';
  });
}

/** "A, B and C": names in a sentence. */
export const inWords = (names: string[], last = 'and'): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;

/** What a contract does in the playbook: the class it makes, the types measured against it. */
export function contractsHelp(playbook: Playbook | undefined): string {
  const contractClass = classByRule(playbook, 'contract_in_force');
  const renewing = (playbook?.opportunityTypes ?? [])
    .filter((type) => type.renewsContract)
    .map((type) => type.name);
  const makes = contractClass
    ? `A commit contract in force today makes the account a ${contractClass.name}`
    : 'A commit contract is kept with the account';
  const measured =
    renewing.length > 0 ? `; ${inWords(renewing)} deals are measured against its latest-ending contract` : '';
  return `${makes}${measured}. Finance and RevOps record contracts.`;
}
