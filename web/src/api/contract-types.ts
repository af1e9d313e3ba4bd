import type { RequestBodyOf, Schemas } from './schema-types';

/** Contracts and customer classification as the API answers them (dates 'YYYY-MM-DD', instants ISO strings). */

/** A customer class key of the playbook in force (`customerClasses[].key`). */
export type CustomerClassKey = Schemas['CustomerStanding']['customerClass'];

export type ContractTerms = Schemas['ContractTerms'];
export type Contract = Schemas['Contract'];
/** GET /accounts/{id}/contracts: latest-ending first. */
export type ContractList = Schemas['ContractList'];
/** POST /accounts/{id}/contracts. */
export type ContractRecorded = Schemas['ContractRecorded'];
/** The body of POST /accounts/{id}/contracts. */
export type ContractInput = RequestBodyOf<'recordContract'>;

/** The account's class today, with the playbook's focus for it (GET /accounts/{id} `customer`). */
export type CustomerStanding = Schemas['CustomerStanding'];
/** The inspection's customer part: class, type fit and, for types told apart by uplift, the uplift verdict. */
export type CustomerFit = Schemas['Inspection']['customer'];
/** The type a renewal calls for by TCV uplift over the previous contract (inspection `customer.uplift`). */
export type UpliftVerdict = NonNullable<CustomerFit['uplift']>;

/** PATCH /contracts/{id} and POST /contracts/{id}/end: the changed contract and the account's new version. */
export type ContractChanged = Schemas['ContractChanged'];
/** The body of PATCH /contracts/{id}: the terms Finance corrects. */
export type ContractCorrection = RequestBodyOf<'correctContract'>;
/** The body of POST /contracts/{id}/end. */
export type ContractEnding = RequestBodyOf<'endContract'>;
