import { describe, expect, it } from 'vitest';
import { bodies, HANDOVER_ID, PERSONAL_MARKERS } from '../testing/case-fixtures.ts';
import { parseCommand } from './parse-command.ts';

describe('parseCommand', () => {
  it('parses a body into a command', () => {
    expect(parseCommand('RecordRescue', bodies.rescue)).toEqual({
      ok: true,
      value: { type: 'RecordRescue', data: bodies.rescue },
    });
  });

  it('puts path parameters beside the body', () => {
    expect(parseCommand('AcceptHandover', {}, { handoverId: HANDOVER_ID })).toEqual({
      ok: true,
      value: { type: 'AcceptHandover', data: {}, handoverId: HANDOVER_ID },
    });
  });

  it('refuses unknown fields, naming them', () => {
    const result = parseCommand('RecordRescue', { ...bodies.rescue, rescuedAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.message).toContain('rescuedAt');
  });

  it('names every bad field of body and path at once, with no personal value', () => {
    const body = {
      ...bodies.reportCase,
      person: { ...bodies.reportCase.person, birthDate: '1990-02-30' },
      reporter: { name: '', contact: {} },
      occurredAt: 'last week',
    };
    const result = parseCommand('ReportCase', body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field).sort()).toEqual([
      'occurredAt',
      'person.birthDate',
      'reporter.contact',
      'reporter.name',
    ]);
    for (const marker of PERSONAL_MARKERS)
      expect(JSON.stringify(result.issues)).not.toContain(marker);
    const answer = parseCommand('RejectHandover', { reason: 'bored' }, { handoverId: 'h-1' });
    expect(answer).toMatchObject({
      ok: false,
      issues: [{ field: 'reason' }, { field: 'params.handoverId' }],
    });
  });

  it('accepts occurredAt with a zone only', () => {
    expect(
      parseCommand('RecordRescue', { ...bodies.rescue, occurredAt: '2024-10-01T10:00:00+08:00' })
        .ok,
    ).toBe(true);
    expect(
      parseCommand('RecordRescue', { ...bodies.rescue, occurredAt: '2024-10-01T10:00:00Z' }).ok,
    ).toBe(true);
    expect(
      parseCommand('RecordRescue', { ...bodies.rescue, occurredAt: '2024-10-01T10:00:00' }).ok,
    ).toBe(false);
  });

  it('sends duplicates to the duplicate-link route instead of closure', () => {
    const result = parseCommand('CloseCase', { reason: 'duplicate' });
    expect(result).toMatchObject({ ok: false, issues: [{ field: 'reason' }] });
    expect(JSON.stringify(result)).toContain('duplicate-link');
  });

  it('refuses a correction without changes, and commands that name a case itself', () => {
    expect(parseCommand('CorrectDetails', { changes: {}, reason: 'other' })).toMatchObject({
      ok: false,
      issues: [{ field: 'changes', message: 'give at least one field to correct' }],
    });
    expect(parseCommand('RecordRescue', { ...bodies.rescue, caseId: 'x' }).ok).toBe(false);
    expect(parseCommand('OfferHandover', { toAgency: 'auditor' }).ok).toBe(false);
  });
});
