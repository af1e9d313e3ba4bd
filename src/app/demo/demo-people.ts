import type { Role, User } from '../../db/repositories/users-repo.js';

/**
 * The demo sales organisation: one AE per territory, an RVP per region, and the supporting roles. The territories
 * are those of territories/firebolt.yaml (same keys, the AEs it names by e-mail).
 */
export const DEMO_TERRITORIES = [
  { key: 'us_west', region: 'americas', ae: 'Maya Chen' },
  { key: 'us_central', region: 'americas', ae: 'Megan Sullivan' },
  { key: 'us_east', region: 'americas', ae: 'Jordan Brooks' },
  { key: 'bay_area', region: 'americas', ae: 'Ethan Park' },
  { key: 'texas_metros', region: 'americas', ae: 'Carmen Ortiz' },
  { key: 'canada', region: 'americas', ae: 'Olivia Tremblay' },
  { key: 'latam', region: 'americas', ae: 'Diego Alvarez' },
  { key: 'uki', region: 'emea', ae: 'Harriet Lewis' },
  { key: 'dach', region: 'emea', ae: 'Lukas Weber' },
  { key: 'nordics', region: 'emea', ae: 'Freya Lindqvist' },
  { key: 'benelux', region: 'emea', ae: 'Sven de Vries' },
  { key: 'mea', region: 'emea', ae: 'Layla Haddad' },
  { key: 'southern_eastern_europe', region: 'emea', ae: 'Chiara Bianchi' },
  { key: 'india', region: 'japac', ae: 'Arjun Mehta' },
  { key: 'india_mid_market', region: 'japac', ae: 'Rohan Iyer' },
  { key: 'apac', region: 'japac', ae: 'Mei Tanaka' },
] as const;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '.');

function person(name: string, role: Role, region: string | null, managerId: string | null, at: Date): User {
  return {
    id: `user_${slug(name).replace(/\./g, '_')}`,
    email: `${slug(name)}@closepath.demo`,
    name,
    role,
    region,
    managerId,
    active: true,
    createdAt: at,
  };
}

export function demoUsers(at: Date): User[] {
  const rvps = {
    americas: person(RVPS.americas, 'rvp', 'americas', null, at),
    emea: person(RVPS.emea, 'rvp', 'emea', null, at),
    japac: person(RVPS.japac, 'rvp', 'japac', null, at),
  };
  const aes = DEMO_TERRITORIES.map((territory) =>
    person(territory.ae, 'ae', territory.region, rvps[territory.region].id, at),
  );
  return [
    person('Grace Kim', 'revops_admin', null, null, at),
    person('Victor Stone', 'vp_finance', null, null, at),
    ...Object.values(rvps),
    ...aes,
    person('Sam Taylor', 'sdr', 'americas', rvps.americas.id, at),
    person('Elena Rossi', 'sdr', 'emea', rvps.emea.id, at),
    person('Kenji Sato', 'sdr', 'japac', rvps.japac.id, at),
    person('Noah Fischer', 'se', 'americas', rvps.americas.id, at),
    person('Anika Patel', 'se', 'emea', rvps.emea.id, at),
    person(CSMS.americas, 'csm', 'americas', rvps.americas.id, at),
    person(CSMS.emea, 'csm', 'emea', rvps.emea.id, at),
    person('Vera Viewer', 'viewer', null, null, at),
  ];
}

const userId = (name: string) => `user_${slug(name).replace(/\./g, '_')}`;
const RVPS = { americas: 'Rachel Adams', emea: 'Henrik Olsen', japac: 'Priya Raman' } as const;
const CSMS = { americas: 'Liam O’Brien', emea: 'Sofia Nilsson' } as const;

/** Renewals are owned by the region's CSM where there is one, else by the account's AE. */
export function renewalOwnerOf(region: string, aeId: string): string {
  const csm = CSMS[region as keyof typeof CSMS];
  return csm ? userId(csm) : aeId;
}
