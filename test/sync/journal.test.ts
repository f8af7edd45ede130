import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { JournalError } from '../../src/sync/errors';
import { Journal, readRecordEntries } from '../../src/sync/journal';
import type { JournalHeader } from '../../src/sync/journal-format';
import { RecordState } from '../../src/sync/record-state';
import { makeTmpDir, removeDir } from './tmp-dir';

function header(overrides: Partial<JournalHeader> = {}): JournalHeader {
  return {
    type: 'journal',
    version: 2,
    input: { path: '/data/customers.csv', size: 100, sha256: 'aa' },
    format: 'csv',
    key: 'ExternalCustomerReference',
    settings: { map: {}, emptyMeans: 'skip', shard: null, dryRun: false },
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('Journal', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTmpDir();
    file = path.join(dir, 'journal.ndjson');
  });
  afterEach(() => removeDir(dir));

  async function writeRun(entries: { n: number; retry?: boolean }[], complete?: boolean): Promise<void> {
    const { journal } = await Journal.open(file, header(), { restart: false });
    for (const e of entries) {
      journal.append({
        type: 'record',
        n: e.n,
        line: e.n + 1,
        h: '0000000a',
        key: `K${e.n}`,
        outcome: e.retry ? 'failed' : 'updated',
        ...(e.retry ? { retry: true } : {}),
      });
    }
    if (complete !== undefined) journal.append({ type: 'end', complete, at: 'now' });
    journal.close();
  }

  function record(n: number): Parameters<Journal['append']>[0] {
    return { type: 'record', n, line: n + 1, h: '0000000a', key: `K${n}`, outcome: 'updated' };
  }
  const types = (): string[] =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const e = JSON.parse(l) as { type: string; n?: number };
        return e.n === undefined ? e.type : `${e.type}${e.n}`;
      });

  it('holds record lines, writes them before any other entry, in order, and says when each is on file', async () => {
    const { journal } = await Journal.open(file, header(), { restart: false });
    const written: number[] = [];
    journal.append(record(1), () => written.push(1));
    journal.append(record(2), () => written.push(2));
    // Held: neither the file nor the counts have them yet.
    expect(types()).toEqual(['journal']);
    expect(written).toEqual([]);
    journal.append({ type: 'intent', n: 3, h: '0000000a', changes: [] });
    expect(types()).toEqual(['journal', 'record1', 'record2', 'intent3']);
    expect(written).toEqual([1, 2]);
    journal.append(record(3), () => written.push(3));
    journal.append(record(4), () => written.push(4));
    journal.flush();
    expect(written).toEqual([1, 2, 3, 4]);
    journal.append(record(5), () => written.push(5));
    journal.close();
    expect(types()).toEqual(['journal', 'record1', 'record2', 'intent3', 'record3', 'record4', 'record5']);
    expect(written).toEqual([1, 2, 3, 4, 5]);
  });

  it('a process that exits with record lines held (a second signal, a crash) still writes them', () => {
    // The compiled journal (npm test builds first), in a process that calls process.exit at once.
    const compiled = path.join(__dirname, '..', '..', 'dist', 'src', 'sync', 'journal.js');
    const script = `
      const { Journal } = require(${JSON.stringify(compiled)});
      Journal.open(${JSON.stringify(file)}, ${JSON.stringify(header())}, { restart: false }).then(({ journal }) => {
        for (let n = 1; n <= 3; n++) journal.append({ type: 'record', n, line: n + 1, h: '0000000a', key: 'K' + n, outcome: 'updated' });
        process.exit(143);
      });`;
    let status = 0;
    try {
      execFileSync(process.execPath, ['-e', script], { stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(143);
    expect(types()).toEqual(['journal', 'record1', 'record2', 'record3']);
  });

  it('resumes: records done before are known, retryable failures are not done', async () => {
    await writeRun([{ n: 1 }, { n: 2, retry: true }, { n: 3 }]);
    const { states, previousRecords, journal } = await Journal.open(file, header(), { restart: false });
    journal.close();
    expect(previousRecords).toBe(3);
    expect(states.state(1)).toBe(RecordState.Done);
    expect(states.state(2)).toBe(RecordState.Retry);
    expect(states.state(3)).toBe(RecordState.Done);
    expect(states.state(4)).toBe(RecordState.None);
    expect(states.hash(1)).toBe(10);
  });

  it('the latest entry of a record wins (a retried failure that then succeeded)', async () => {
    await writeRun([{ n: 1, retry: true }]);
    await writeRun([{ n: 1 }]);
    const { states, journal } = await Journal.open(file, header(), { restart: false });
    journal.close();
    expect(states.state(1)).toBe(RecordState.Done);
    const entries = [];
    for await (const e of readRecordEntries(file)) entries.push(e);
    expect(entries.map((e) => states.isLatest(e.entry.n, e.index))).toEqual([false, true]);
  });

  it('cuts a torn last line and appends after it', async () => {
    await writeRun([{ n: 1 }, { n: 2 }]);
    fs.appendFileSync(file, '{"type":"record","n":3,"li');
    const opened = await Journal.open(file, header(), { restart: false });
    expect(opened.repairedTornLine).toBe(true);
    expect(opened.states.state(3)).toBe(RecordState.None);
    opened.journal.append({ type: 'record', n: 3, line: 4, h: '0000000a', key: 'K3', outcome: 'unchanged' });
    opened.journal.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.every((l) => JSON.parse(l))).toBe(true);
  });

  it('refuses an unfinished journal of another input, names it, and --restart sets it aside', async () => {
    await writeRun([{ n: 1 }]);
    const other = header({ input: { path: '/data/other.csv', size: 7, sha256: 'bb' } });
    await expect(Journal.open(file, other, { restart: false })).rejects.toThrow(JournalError);
    await expect(Journal.open(file, other, { restart: false })).rejects.toThrow(
      /different input \(\/data\/customers\.csv/,
    );
    const opened = await Journal.open(file, other, { restart: true });
    opened.journal.close();
    expect(opened.rotatedTo).toBe(`${file}.prev`);
    expect(opened.states.state(1)).toBe(RecordState.None);
    expect(fs.existsSync(`${file}.prev`)).toBe(true);
  });

  it('starts afresh over a completed journal of another input (the next night)', async () => {
    await writeRun([{ n: 1 }], true);
    const other = header({ input: { path: '/data/customers.csv', size: 7, sha256: 'bb' } });
    const opened = await Journal.open(file, other, { restart: false });
    opened.journal.close();
    expect(opened.rotatedTo).toBe(`${file}.prev`);
    expect(opened.previousRecords).toBe(0);
  });

  it('refuses other settings for the same input', async () => {
    await writeRun([{ n: 1 }]);
    await expect(
      Journal.open(file, header({ key: 'AvangateCustomerReference' }), { restart: false }),
    ).rejects.toThrow(/key ExternalCustomerReference → AvangateCustomerReference/);
    await expect(
      Journal.open(file, header({ settings: { map: { A: 'Email' } } }), { restart: false }),
    ).rejects.toThrow(/other settings/);
  });

  it('refuses a file that is not a journal, or is damaged in the middle', async () => {
    fs.writeFileSync(file, '{"hello":1}\n');
    await expect(Journal.open(file, header(), { restart: false })).rejects.toThrow(
      /not a twocheckout-sync journal/,
    );
    fs.rmSync(file);
    await writeRun([{ n: 1 }]);
    fs.appendFileSync(file, 'garbage\n{"type":"end","complete":false,"at":"x"}\n');
    await expect(Journal.open(file, header(), { restart: false })).rejects.toThrow(/damaged at line 3/);
  });
});

describe('Journal killed while being created', () => {
  it('treats a journal torn inside its header line as new', async () => {
    const dir = makeTmpDir();
    try {
      const file = path.join(dir, 'journal.ndjson');
      fs.writeFileSync(file, '{"type":"journal","vers');
      const opened = await Journal.open(file, header(), { restart: false });
      opened.journal.close();
      expect(opened.previousRecords).toBe(0);
      expect(JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0])).toMatchObject({
        type: 'journal',
        version: 2,
      });
    } finally {
      removeDir(dir);
    }
  });
});

describe('Journal of an earlier version (input identified by its first MiB only)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTmpDir();
    file = path.join(dir, 'journal.ndjson');
  });
  afterEach(() => removeDir(dir));
  const v1 = (complete: boolean): string =>
    [
      { type: 'journal', version: 1, input: { path: '/x.csv', size: 100, headSha256: 'aa' }, settings: {} },
      { type: 'record', n: 1, line: 2, h: '0000000a', key: 'K', outcome: 'updated' },
      ...(complete ? [{ type: 'end', complete: true, at: 'x' }] : []),
    ]
      .map((e) => JSON.stringify(e))
      .join('\n') + '\n';

  it('is never resumed: a completed one is set aside, an unfinished one refused', async () => {
    fs.writeFileSync(file, v1(true));
    const opened = await Journal.open(file, header(), { restart: false });
    opened.journal.close();
    expect(opened.rotatedTo).toBe(`${file}.prev`);
    expect(opened.previousRecords).toBe(0);

    fs.writeFileSync(file, v1(false));
    await expect(Journal.open(file, header(), { restart: false })).rejects.toThrow(
      /unfinished run of an earlier twocheckout-sync \(journal version 1\)/,
    );
  });
});
