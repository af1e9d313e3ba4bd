import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../api';
import { fieldErrorsOf } from './field-errors';

const problem = (errors?: Problem['errors'], extra: Partial<Problem> = {}): ApiError =>
  new ApiError({
    title: 'Bad Request',
    status: 400,
    code: 'validation_failed',
    detail: 'The request is not valid',
    ...(errors && { errors }),
    ...extra,
  });

describe('fieldErrorsOf', () => {
  it('puts each issue at its field and the rest aside', () => {
    const error = problem([
      { path: 'body.country', message: 'USA is a three-letter code' },
      { path: 'body.country', message: 'a second message for the same field' },
      { path: 'body.meddpicc.champion.contactId', message: 'no such contact' },
      { path: 'body.tags[2]', message: 'too long' },
      { path: 'body.stage', message: 'not a stage' },
      { path: 'headers.if-match', message: 'required' },
    ]);
    expect(fieldErrorsOf(error, ['country', 'meddpicc', 'meddpicc.champion', 'tags'])).toEqual({
      byField: {
        country: 'USA is a three-letter code',
        'meddpicc.champion': 'no such contact',
        tags: 'too long',
      },
      rest: ['body.stage: not a stage', 'headers.if-match: required'],
    });
  });

  it('reads another prefix (query strings)', () => {
    const error = problem([{ path: 'query.limit', message: 'at most 200' }]);
    expect(fieldErrorsOf(error, ['limit'], 'query.').byField).toEqual({ limit: 'at most 200' });
    expect(fieldErrorsOf(error, ['limit']).rest).toEqual(['query.limit: at most 200']);
  });

  it('leaves a problem without field issues, or any other error, to the form as a whole', () => {
    const stale = problem(undefined, { status: 412, detail: 'The record changed since you read it' });
    expect(fieldErrorsOf(stale, ['name'])).toEqual({
      byField: {},
      rest: ['The record changed since you read it'],
    });
    expect(fieldErrorsOf(new Error('offline'), ['name']).rest).toEqual(['offline']);
    expect(fieldErrorsOf(null, ['name'])).toEqual({ byField: {}, rest: [] });
  });

  it('does not take a field for the start of a longer name', () => {
    const error = problem([{ path: 'body.nameSuffix', message: 'x' }]);
    expect(fieldErrorsOf(error, ['name'])).toEqual({ byField: {}, rest: ['body.nameSuffix: x'] });
  });
});
