import { z } from 'zod';

/** An AWS account id: exactly 12 digits, kept as text (leading zeros are part of it). */
export const AWS_ACCOUNT_ID = /^\d{12}$/;

export const awsAccountId = z.string().regex(AWS_ACCOUNT_ID, 'an AWS account id: 12 digits');
