import { describe, expect, it } from 'vitest';
import {
  formatAttendees,
  fromLocalInput,
  parseAttendees,
  sessionTitle,
  toLocalInput,
  toMinor,
} from './poc-write';

describe('POC form values', () => {
  it('reads attendees one per line, with or without an email', () => {
    const attendees = parseAttendees('Ada Lovelace <ada@example.com>\n\n  Grace Hopper  \n');
    expect(attendees).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: 'Grace Hopper', email: null },
    ]);
    expect(parseAttendees(formatAttendees(attendees))).toEqual(attendees);
  });

  it('turns typed amounts into minor units without float drift', () => {
    expect(toMinor('1234.56')).toBe(123_456);
    expect(toMinor(0.29)).toBe(29);
  });

  it('round-trips a schedule through the datetime-local input in UTC', () => {
    expect(toLocalInput('2026-12-03T15:30:00.000Z')).toBe('2026-12-03T15:30');
    expect(fromLocalInput('2026-12-03T15:30')).toBe('2026-12-03T15:30:00.000Z');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('POC session titles', () => {
  const templates = [{ key: 'getting_started' }, { key: 'discovery' }, { key: 'hands_on' }];
  it('numbers sessions as the playbook lists them, a repeated one with its count', () => {
    expect(
      sessionTitle(templates, { templateKey: 'getting_started', name: 'Getting Started', sequence: 1 }),
    ).toBe('Session 1 — Getting Started');
    expect(
      sessionTitle(templates, { templateKey: 'hands_on', name: 'Hands-On Working Sessions', sequence: 2 }),
    ).toBe('Session 3 — Hands-On Working Sessions #2');
    expect(sessionTitle(templates, { templateKey: 'custom', name: 'Extra', sequence: 1 })).toBe('Extra');
  });
});
