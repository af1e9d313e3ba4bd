import {
  OFFER_REFUSAL_KINDS,
  type OfferRefusal,
  type OfferRefusalCode,
} from '../../domain/closing/offer-refusal.js';
import type { AppError } from '../app-error.js';

/** The input field an `input` refusal is about, where it is one field. */
const FIELD_OF: Partial<Record<OfferRefusalCode, string>> = {
  comment_required: 'comment',
  unknown_option: 'optionName',
  contact_not_on_account: 'contactId',
  confirmation_out_of_range: 'confirmedAt',
};

/** A domain refusal as the app's error: input → 400 at its fields, authority → 403, state → 409; the code kept. */
export function offerError(refusal: OfferRefusal): AppError {
  const { code: refusalCode, message } = refusal;
  switch (OFFER_REFUSAL_KINDS[refusalCode]) {
    case 'input': {
      const issues = refusal.issues ?? [{ path: FIELD_OF[refusalCode] ?? '', message }];
      return { code: 'validation_failed', message, issues, refusal: refusalCode };
    }
    case 'authority':
      return { code: 'forbidden', message, refusal: refusalCode };
    case 'state':
      return { code: 'conflict', message, refusal: refusalCode };
  }
}
