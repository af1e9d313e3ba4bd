import type { Schemas } from './schema-types';

/** GET /revenue: bookings by category and type, GRR and NRR, per period (src/api/routes/get-revenue.ts). */
export type Revenue = Schemas['Revenue'];
export type RevenueBookings = Schemas['RevenueBookings'];
export type RevenueRetention = Schemas['RevenueRetention'];
export type RevenuePeriod = Revenue['periods'][number];
