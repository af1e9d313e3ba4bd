import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { fromUtcInput, linkText, peopleIssue, samePeople, toUtcInput } from './activity-format';

const refusal = (errors: Array<{ path: string; message: string }>) =>
  new ApiError({ title: 'Bad Request', status: 400, code: 'validation_failed', detail: 'invalid', errors });

describe('the When (UTC) input', () => {
  it('shows an instant in UTC to the minute and reads it back as UTC', () => {
    expect(toUtcInput(new Date('2026-03-12T14:05:59.900Z'))).toBe('2026-03-12T14:05');
    expect(fromUtcInput('2026-03-12T14:05')).toBe('2026-03-12T14:05:00.000Z');
    expect(fromUtcInput('2026-03-12T14:05:30')).toBe('2026-03-12T14:05:30.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(fromUtcInput('')).toBeNull();
    expect(fromUtcInput('2026-03-12')).toBeNull();
    expect(fromUtcInput('2026-13-40T99:00')).toBeNull();
    expect(toUtcInput(new Date('nope'))).toBe('');
  });
});

describe('peopleIssue', () => {
  const names: Record<string, string> = { u1: 'Maya Chen', u2: 'Vera Viewer' };
  const nameOf = (id: string) => names[id] ?? id;

  it('names the person at the index the server points at', () => {
    const error = refusal([
      { path: 'body.userIds.1', message: 'no such active user' },
      { path: 'body.contactIds.0', message: 'not a contact of this account' },
    ]);
    expect(peopleIssue(error, 'userIds', ['u1', 'u2'], nameOf)).toBe('Vera Viewer: no such active user');
    expect(peopleIssue(error, 'contactIds', ['c9'], nameOf)).toBe('c9: not a contact of this account');
  });

  it('keeps a message about the whole list, and says nothing without an issue', () => {
    const error = refusal([{ path: 'body.userIds', message: 'at most 50' }]);
    expect(peopleIssue(error, 'userIds', [], nameOf)).toBe('at most 50');
    expect(peopleIssue(error, 'contactIds', [], nameOf)).toBeUndefined();
    expect(peopleIssue(new Error('network'), 'userIds', [], nameOf)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('compares people in any order', () => {
    expect(samePeople(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(samePeople(['a'], ['a', 'b'])).toBe(false);
    expect(samePeople(['a', 'c'], ['a', 'b'])).toBe(false);
  });

  it('shortens a link to its host and path', () => {
    expect(linkText('https://docs.example.com/')).toBe('docs.example.com');
    expect(linkText('https://docs.example.com/notes/42')).toBe('docs.example.com/notes/42');
    expect(linkText('not a url')).toBe('not a url');
  });
});
