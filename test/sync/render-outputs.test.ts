import fs from 'node:fs';
import path from 'node:path';
import { Journal } from '../../src/sync/journal';
import type { JournalHeader } from '../../src/sync/journal-format';
import { renderOutputs, type RenderTargets } from '../../src/sync/output/render-outputs';
import { RecordStates, RecordState } from '../../src/sync/record-state';
import { makeTmpDir, removeDir } from './tmp-dir';

const header: JournalHeader = {
  type: 'journal',
  version: 2,
  input: { path: '/x', size: 1, sha256: 'aa' },
  format: 'csv',
  key: 'ExternalCustomerReference',
  settings: {},
  createdAt: 'now',
};

// A failed record whose Email a later record has set since: its dead-letter row must not carry
// that Email where an absent value means "leave as it is", so re-sending the file is safe.
describe('dead-letter rows of partly superseded failures', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir();
  });
  afterEach(() => removeDir(dir));

  async function render(format: 'csv' | 'jsonl', emptyMeans: 'skip' | 'clear'): Promise<string> {
    const file = path.join(dir, 'journal.ndjson');
    const { journal } = await Journal.open(file, header, { restart: true });
    const values = { ExternalCustomerReference: 'K', Mail: 'old@example.com', Phone: '+1 555' };
    journal.append({
      type: 'record',
      n: 1,
      line: 2,
      h: '0000000a',
      key: 'K',
      outcome: 'failed',
      retry: true,
      error: 'HTTP 503',
      values,
      fields: ['Email', 'Phone'],
    });
    journal.close();
    const states = new RecordStates();
    states.set(1, 10, RecordState.Retry, 0);
    const targets: RenderTargets = {
      journal: file,
      results: path.join(dir, 'results.ndjson'),
      deadLetter: path.join(dir, `dead.${format}`),
      inputFormat: format,
      inputColumns: Object.keys(values),
      maxReportedChanges: 10,
      emptyMeans,
      covered: () => ({
        note: 'line 3 has since set Email: only Phone still needs applying',
        columns: new Set(['Mail']),
      }),
    };
    await renderOutputs(targets, states);
    return fs.readFileSync(targets.deadLetter, 'utf8');
  }

  it('JSON Lines: the covered column is left out', async () => {
    const row = JSON.parse((await render('jsonl', 'clear')).trim());
    expect(row).toEqual({
      ExternalCustomerReference: 'K',
      Phone: '+1 555',
      _error:
        'HTTP 503 (line 3 has since set Email: only Phone still needs applying; the others are left out here)',
      _line: 2,
    });
  });

  it('CSV with --empty-means skip: the covered cell is empty', async () => {
    const lines = (await render('csv', 'skip')).trim().split(/\r?\n/);
    expect(lines[1]).toBe(
      'K,,+1 555,HTTP 503 (line 3 has since set Email: only Phone still needs applying; the others are left empty here),2',
    );
  });

  it('CSV with --empty-means clear (an empty cell would clear): kept, and the note says to remove it', async () => {
    const lines = (await render('csv', 'clear')).trim().split(/\r?\n/);
    expect(lines[1]).toMatch(
      /^K,old@example\.com,\+1 555,.*still needs applying; remove the others before re-sending/,
    );
  });
});
