import type { Segment } from '../../domain/account/account.js';

export interface DemoAccount {
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  country: string;
  subdivision: string | null;
  city: string;
  postalCode: string;
  /** The account runs on the self-serve product (PLG). */
  plg?: boolean;
  /** The account has an active commit contract: it gets upsell, renewal and expansion deals. */
  customer?: boolean;
}

const a = (
  name: string,
  industry: string,
  segment: Segment,
  where: [country: string, subdivision: string | null, city: string, postalCode: string],
  flags: { plg?: boolean; customer?: boolean } = {},
): DemoAccount => {
  const [country, subdivision, city, postalCode] = where;
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  return { name, domain, industry, segment, country, subdivision, city, postalCode, ...flags };
};

/** Fictional companies spread over the demo org's territories (territories/firebolt.yaml routes each to its AE). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  a('Northwind Analytics', 'Software', 'enterprise', ['US', 'US-CA', 'San Francisco', '94105'], {
    customer: true,
  }),
  a('Redwood Retail Group', 'Retail', 'enterprise', ['US', 'US-CA', 'San Jose', '95113'], {
    customer: true,
  }),
  a('Cascade Mobility', 'Transportation', 'mid_market', ['US', 'US-WA', 'Seattle', '98101'], {
    plg: true,
  }),
  a('Summit AdTech', 'Advertising', 'mid_market', ['US', 'US-CO', 'Denver', '80202']),
  a('Lone Star Energy Data', 'Energy', 'enterprise', ['US', 'US-TX', 'Houston', '77002'], {
    customer: true,
  }),
  a('Alamo Gaming Labs', 'Gaming', 'smb', ['US', 'US-TX', 'Austin', '78701'], { plg: true }),
  a('Hudson Capital Markets', 'Financial Services', 'enterprise', ['US', 'US-NY', 'New York', '10004'], {
    customer: true,
  }),
  a('Liberty Health Networks', 'Healthcare', 'enterprise', ['US', 'US-MA', 'Boston', '02110']),
  a('Peachtree Logistics', 'Logistics', 'mid_market', ['US', 'US-GA', 'Atlanta', '30303'], {
    customer: true,
  }),
  a('Biscayne Media', 'Media', 'mid_market', ['US', 'US-FL', 'Miami', '33131'], { plg: true }),
  a('Lakeshore Insurance', 'Insurance', 'enterprise', ['US', 'US-IL', 'Chicago', '60601']),
  a('Maple Leaf Telecom', 'Telecommunications', 'enterprise', ['CA', 'CA-ON', 'Toronto', 'M5H 2N2'], {
    customer: true,
  }),
  a('Laurentian Games', 'Gaming', 'mid_market', ['CA', 'CA-QC', 'Montreal', 'H2Y 1C6'], {
    plg: true,
  }),
  a('Pacific Rim Freight', 'Logistics', 'mid_market', ['CA', 'CA-BC', 'Vancouver', 'V6C 1B4']),
  a('Andes Fintech', 'Financial Services', 'mid_market', ['CL', 'CL-RM', 'Santiago', '8320000'], {
    customer: true,
  }),
  a('Paulista Commerce', 'E-commerce', 'enterprise', ['BR', 'BR-SP', 'São Paulo', '01310-100']),
  a('Azteca Streaming', 'Media', 'mid_market', ['MX', 'MX-CMX', 'Mexico City', '06600'], {
    plg: true,
  }),
  a('Thames Payments', 'Financial Services', 'enterprise', ['GB', 'GB-LND', 'London', 'EC2V 7HH'], {
    customer: true,
  }),
  a('Pennine Retail', 'Retail', 'mid_market', ['GB', 'GB-MAN', 'Manchester', 'M1 1AE']),
  a('Liffey Data Works', 'Software', 'smb', ['IE', 'IE-D', 'Dublin', 'D02 X285'], { plg: true }),
  a('Clyde Energy', 'Energy', 'mid_market', ['GB', 'GB-GLG', 'Glasgow', 'G1 1XQ'], { customer: true }),
  a('Rhein Automotive Analytics', 'Automotive', 'enterprise', ['DE', 'DE-BW', 'Stuttgart', '70173'], {
    customer: true,
  }),
  a('Spree Mobility', 'Transportation', 'mid_market', ['DE', 'DE-BE', 'Berlin', '10117'], {
    plg: true,
  }),
  a('Alpen Versicherung', 'Insurance', 'enterprise', ['CH', 'CH-ZH', 'Zürich', '8001']),
  a('Donau Telekom', 'Telecommunications', 'enterprise', ['AT', 'AT-9', 'Vienna', '1010'], {
    customer: true,
  }),
  a('Fjord Gaming', 'Gaming', 'mid_market', ['NO', 'NO-03', 'Oslo', '0150'], { plg: true }),
  a('Öresund Retail', 'Retail', 'enterprise', ['SE', 'SE-AB', 'Stockholm', '111 52'], {
    customer: true,
  }),
  a('Baltic Shipping Data', 'Logistics', 'mid_market', ['DK', 'DK-84', 'Copenhagen', '1050']),
  a('Aurora Health', 'Healthcare', 'mid_market', ['FI', 'FI-18', 'Helsinki', '00100']),
  a('Zuid Payments', 'Financial Services', 'enterprise', ['NL', 'NL-NH', 'Amsterdam', '1012 JS'], {
    customer: true,
  }),
  a('Scheldt Logistics', 'Logistics', 'mid_market', ['BE', 'BE-VAN', 'Antwerp', '2000']),
  a('Moselle Media', 'Media', 'smb', ['LU', 'LU-LU', 'Luxembourg', '1111'], { plg: true }),
  a('Gulf Commerce Hub', 'E-commerce', 'enterprise', ['AE', 'AE-DU', 'Dubai', '00000'], {
    customer: true,
  }),
  a('Levant Telecom', 'Telecommunications', 'mid_market', ['IL', 'IL-TA', 'Tel Aviv', '6100000']),
  a('Cape Mining Analytics', 'Mining', 'mid_market', ['ZA', 'ZA-WC', 'Cape Town', '8001'], {
    plg: true,
  }),
  a('Nile Fintech', 'Financial Services', 'smb', ['EG', 'EG-C', 'Cairo', '11511']),
  a('Deccan Insurance', 'Insurance', 'enterprise', ['IN', 'IN-KA', 'Bengaluru', '560001'], {
    customer: true,
  }),
  a('Marine Drive Commerce', 'E-commerce', 'enterprise', ['IN', 'IN-MH', 'Mumbai', '400001']),
  a('Hyderabad Health Tech', 'Healthcare', 'mid_market', ['IN', 'IN-TS', 'Hyderabad', '500001'], {
    plg: true,
  }),
  a('Yamuna Logistics', 'Logistics', 'mid_market', ['IN', 'IN-DL', 'New Delhi', '110001'], {
    customer: true,
  }),
  a('Sakura Games', 'Gaming', 'enterprise', ['JP', 'JP-13', 'Tokyo', '100-0005'], { customer: true }),
  a('Harbour Bank', 'Financial Services', 'enterprise', ['AU', 'AU-NSW', 'Sydney', '2000']),
  a('Merlion Payments', 'Financial Services', 'mid_market', ['SG', 'SG-01', 'Singapore', '049315'], {
    plg: true,
  }),
  a('Han River Commerce', 'E-commerce', 'enterprise', ['KR', 'KR-11', 'Seoul', '04524'], {
    customer: true,
  }),
  a('Kiwi Energy Data', 'Energy', 'smb', ['NZ', 'NZ-AUK', 'Auckland', '1010']),
  a('Jakarta Ride', 'Transportation', 'mid_market', ['ID', 'ID-JK', 'Jakarta', '10110'], {
    plg: true,
  }),
];

/** The buying group of a demo account (the first signs quotes and the last accepts in AWS: play-closing.ts). */
export const DEMO_CONTACT_ROLES = [
  { title: 'VP Data & Analytics', role: 'economic_buyer' },
  { title: 'Head of Data Engineering', role: 'champion' },
  { title: 'Staff Data Engineer', role: 'technical' },
] as const;

export const DEMO_FIRST_NAMES = [
  'Alex',
  'Sam',
  'Robin',
  'Kai',
  'Noor',
  'Jamie',
  'Taylor',
  'Ari',
  'Dana',
  'Luca',
  'Mina',
  'Rui',
];
export const DEMO_LAST_NAMES = [
  'Novak',
  'Okafor',
  'Larsen',
  'Moreau',
  'Silva',
  'Ibrahim',
  'Kowalski',
  'Hughes',
  'Yamada',
  'Costa',
];
