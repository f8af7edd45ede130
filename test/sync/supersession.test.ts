import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { ResumeIndex } from '../../src/sync/pipeline/resume-index';
import { PendingFailures } from '../../src/sync/pipeline/supersession';

const entry = (n: number, key: string, outcome: JournalRecordEntry['outcome'], errorKind?: string) =>
  ({ type: 'record', n, line: n + 1, h: '0000000a', key, outcome, errorKind }) as JournalRecordEntry;

describe('supersession while resuming', () => {
  it('a failure followed (in the journal) by an applied later record of its key is superseded', () => {
    const index = new ResumeIndex('ExternalCustomerReference');
    index.load(entry(2, 'K', 'failed', 'transient'));
    index.load(entry(3, 'L', 'failed', 'transient'));
    index.load(entry(4, 'K', 'updated'));
    expect(index.supersededAtLoad().map((s) => [s.row.n, s.by])).toEqual([[2, 5]]);
    expect(index.pending.size).toBe(1); // L's failure may still be superseded later
  });

  it('only earlier records are superseded, and a record retried since is not', () => {
    const index = new ResumeIndex('ExternalCustomerReference');
    index.load(entry(4, 'K', 'failed', 'transient'));
    index.load(entry(2, 'K', 'unchanged')); // an earlier record does not supersede a later one
    expect(index.supersededAtLoad()).toEqual([]);
    index.load(entry(6, 'K', 'failed', 'throttled'));
    index.load(entry(6, 'K', 'updated')); // the retry of 6 succeeded: it supersedes 4
    expect(index.supersededAtLoad().map((s) => s.row.n)).toEqual([4]);
    index.load(entry(4, 'K', 'updated')); // a journal of an older version retried 4 after all
    expect(index.supersededAtLoad()).toEqual([]);
  });

  it('Avangate keys group by number, not by how they are written; not-found failures are not held', () => {
    const index = new ResumeIndex('AvangateCustomerReference');
    index.load(entry(1, ' 1001', 'failed', 'transient'));
    index.load(entry(2, '9999', 'failed', 'not-found'));
    expect(index.pending.size).toBe(1);
    index.load(entry(3, '1001', 'updated'));
    expect(index.supersededAtLoad().map((s) => s.row.n)).toEqual([1]);
  });

  it('the pending failures are bounded: past the limit the run stops instead of losing track', () => {
    const pending = new PendingFailures(2);
    pending.add('E:a', { n: 1, line: 2, h: 'x', key: 'a', thisRun: true });
    pending.add('E:b', { n: 2, line: 3, h: 'x', key: 'b', thisRun: true });
    expect(() => pending.add('E:c', { n: 3, line: 4, h: 'x', key: 'c', thisRun: true })).toThrow(
      /more than 2 failed records are waiting for a retry/,
    );
    expect(pending.supersededBy('E:a', 5)).toHaveLength(1);
    expect(pending.size).toBe(1);
  });
});
