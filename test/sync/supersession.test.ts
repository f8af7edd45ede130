import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { ResumeIndex } from '../../src/sync/pipeline/resume-index';
import { coverageNote, PendingFailures, type PendingRow } from '../../src/sync/pipeline/supersession';

const entry = (
  n: number,
  key: string,
  outcome: JournalRecordEntry['outcome'],
  more: Partial<JournalRecordEntry> = {},
): JournalRecordEntry => ({
  type: 'record',
  n,
  line: n + 1,
  h: '0000000a',
  key,
  outcome,
  ...(outcome === 'failed' ? { errorKind: 'transient', fields: ['Email'] } : {}),
  ...more,
});

const row = (n: number, fields: string[] = ['Email']): PendingRow => ({
  n,
  line: n + 1,
  h: 'x',
  key: `k${n}`,
  thisRun: true,
  fields,
});

describe('supersession while resuming', () => {
  it('a failure followed (in the journal) by an applied later record of its key is superseded', () => {
    const index = new ResumeIndex('ExternalCustomerReference');
    index.load(entry(2, 'K', 'failed'));
    index.load(entry(3, 'L', 'failed'));
    index.load(entry(4, 'K', 'updated', { fields: ['Email'] }));
    expect(index.supersededAtLoad().map((s) => [s.row.n, s.by])).toEqual([[2, 5]]);
    expect(index.pending.size).toBe(1); // L's failure may still be superseded later
  });

  it('only earlier records are superseded, and a record retried since is not', () => {
    const index = new ResumeIndex('ExternalCustomerReference');
    index.load(entry(4, 'K', 'failed'));
    index.load(entry(2, 'K', 'unchanged')); // an earlier record does not supersede a later one
    expect(index.supersededAtLoad()).toEqual([]);
    index.load(entry(6, 'K', 'failed', { errorKind: 'throttled' }));
    index.load(entry(6, 'K', 'updated')); // the retry of 6 succeeded: it supersedes 4
    expect(index.supersededAtLoad().map((s) => s.row.n)).toEqual([4]);
    index.load(entry(4, 'K', 'updated')); // a journal of an older version retried 4 after all
    expect(index.supersededAtLoad()).toEqual([]);
  });

  it('Avangate keys group by number, not by how they are written; not-found failures are not held', () => {
    const index = new ResumeIndex('AvangateCustomerReference');
    index.load(entry(1, ' 1001', 'failed'));
    index.load(entry(2, '9999', 'failed', { errorKind: 'not-found' }));
    expect(index.pending.size).toBe(1);
    index.load(entry(3, '1001', 'updated'));
    expect(index.supersededAtLoad().map((s) => s.row.n)).toEqual([1]);
  });

  it('per field: a later record covers only the fields it sets', () => {
    const index = new ResumeIndex('ExternalCustomerReference');
    index.load(entry(2, 'K', 'failed', { fields: ['Email', 'Phone', 'City'] }));
    index.load(entry(3, 'K', 'updated', { fields: ['Email'] }));
    expect(index.supersededAtLoad()).toEqual([]);
    expect(index.pending.get('E:K', 2)).toMatchObject({ fields: ['Phone', 'City'], coveredBy: { Email: 4 } });
    index.load(entry(5, 'K', 'unchanged', { fields: ['City', 'Phone', 'Zip'] }));
    expect(index.supersededAtLoad().map((s) => [s.row.n, s.by])).toEqual([[2, 6]]);
  });
});

describe('PendingFailures', () => {
  it('is bounded: past the limit the run stops instead of losing track', () => {
    const pending = new PendingFailures(2);
    pending.add('E:a', row(1));
    pending.add('E:b', row(2));
    expect(() => pending.add('E:c', row(3))).toThrow(/more than 2 failed records are waiting for a retry/);
    expect(pending.applied('E:a', 5, 6, ['Email'])).toHaveLength(1);
    expect(pending.size).toBe(1);
  });

  it('says in the dead-letter note which later lines took which fields', () => {
    const pending = new PendingFailures();
    pending.add('E:a', row(1, ['Email', 'Phone', 'City']));
    pending.applied('E:a', 3, 4, ['Email']);
    pending.applied('E:a', 5, 6, ['City', 'Zip']);
    expect(coverageNote(pending.get('E:a', 1) as PendingRow)).toBe(
      'line 4 has since set Email; line 6 has since set City: only Phone still needs applying',
    );
  });
});
