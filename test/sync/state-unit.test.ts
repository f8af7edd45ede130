import { RefreshRule } from '../../src/sync/state/refresh';
import { CUSTOMER_FIELDS } from '../../src/domain/customer-fields';
import {
  decodeEntry,
  encodeEntry,
  fieldNumber,
  STATE_FIELDS,
  valueHash,
} from '../../src/sync/state/state-entry';

const DAY = 86_400;

describe('state entries', () => {
  const n = (f: string): number => fieldNumber(f) as number;

  it('number only fields a customer has, each once, the reference apart (the state is keyed by it)', () => {
    const customerFields: readonly string[] = CUSTOMER_FIELDS;
    expect(STATE_FIELDS.filter((f) => !customerFields.includes(f))).toEqual([]);
    expect(new Set(STATE_FIELDS).size).toBe(STATE_FIELDS.length);
    expect(STATE_FIELDS).not.toContain('AvangateCustomerReference');
  });

  it('hash a value as the service compares it', () => {
    // The service stores codes in lower case and answers '' for some unset fields.
    expect(valueHash(n('CountryCode'), 'US')).toBe(valueHash(n('CountryCode'), 'us'));
    expect(valueHash(n('Language'), 'EN')).toBe(valueHash(n('Language'), 'en'));
    expect(valueHash(n('Language'), null)).toBe(valueHash(n('Language'), ''));
    expect(valueHash(n('Phone'), undefined)).toBe(valueHash(n('Phone'), ''));
    // Everything else is exact: a change of case in a name or an e-mail is a change.
    expect(valueHash(n('City'), 'Paris')).not.toBe(valueHash(n('City'), 'paris'));
    expect(valueHash(n('Email'), 'A@x.org')).not.toBe(valueHash(n('Email'), 'a@x.org'));
    expect(valueHash(n('City'), 'Paris')).not.toBe(valueHash(n('FirstName'), 'Paris'));
    expect(valueHash(n('City'), 'Paris ')).not.toBe(valueHash(n('City'), 'Paris'));
  });

  it('round-trip through their encoding, in field order; a malformed one is refused', () => {
    const fields = [
      { field: n('Email'), hash: valueHash(n('Email'), 'a@x.org'), at: 1_800_000_000 },
      { field: n('FirstName'), hash: valueHash(n('FirstName'), 'Ada'), at: 1 },
    ];
    const blob = encodeEntry(fields);
    expect(blob).toHaveLength(26);
    expect(decodeEntry(blob)).toEqual([fields[1], fields[0]]);
    expect(() => decodeEntry(blob.subarray(0, 20))).toThrow(/a state entry of 20 bytes/);
    const bad = Buffer.from(blob);
    bad[0] = 99;
    expect(() => decodeEntry(bad)).toThrow(/field number 99/);
    // The numbers are the file format: never renumbered.
    expect([n('ExternalCustomerReference'), n('Email'), n('Language')]).toEqual([0, 13, 14]);
    expect(fieldNumber('AvangateCustomerReference')).toBeUndefined();
  });
});

describe('--refresh-after', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => `E:CRM-${i}`);
  const t0 = 1_790_000_000;

  it('0 reads every customer; a confirmation is never due within the hour, always after the period', () => {
    const never = new RefreshRule(0);
    expect(never.due('E:x', t0, t0)).toBe(true);
    const week = new RefreshRule(7);
    for (const k of keys) {
      expect(week.due(k, t0, t0 + 3599)).toBe(false);
      expect(week.due(k, t0, t0 + 7 * DAY)).toBe(true);
    }
  });

  it('spreads the refreshes of one night of confirmations over the period, then each customer once a period', () => {
    const week = new RefreshRule(7);
    const confirmed = new Map(keys.map((k) => [k, t0]));
    const readsPerNight: number[] = [];
    const readsOf = new Map<string, number>();
    for (let night = 1; night <= 21; night++) {
      const now = t0 + night * DAY;
      let reads = 0;
      for (const k of keys) {
        if (!week.due(k, confirmed.get(k) as number, now)) continue;
        reads += 1;
        readsOf.set(k, (readsOf.get(k) ?? 0) + 1);
        confirmed.set(k, now);
      }
      readsPerNight.push(reads);
    }
    // About a seventh each night from the first week on, never the whole file at once.
    for (const reads of readsPerNight) {
      expect(reads).toBeGreaterThan(keys.length / 7 - 500);
      expect(reads).toBeLessThan(keys.length / 7 + 500);
    }
    // Each customer once a week: three times in three weeks.
    expect([...readsOf.values()].every((r) => r === 3)).toBe(true);
    expect(readsOf.size).toBe(keys.length);
  });
});
