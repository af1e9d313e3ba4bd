import { z } from 'zod';
import { AWS_ACCOUNT_ID } from '../../domain/account/account.js';

export const awsAccountId = z.string().regex(AWS_ACCOUNT_ID, 'an AWS account id: 12 digits');
