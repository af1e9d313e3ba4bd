import { z } from 'zod';

/** Field schemas shared by every input at the boundary (HTTP, CLI, imports). */
export const id = z.string().min(1).max(64);
export const name = z.string().trim().min(1, 'must not be empty').max(200);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const isoDate = z.iso.date({ message: 'a date as YYYY-MM-DD' });
export const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD');
export const amountMinor = z
  .number({ message: 'an integer amount in minor units (cents)' })
  .int('an integer amount in minor units (cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);
export const httpUrl = z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).max(2000);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as US')
  .refine((code) => regionNames.of(code) !== code, 'not a known ISO 3166-1 country code');
export const subdivision = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 subdivision code such as US-CA');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};
