import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { cliEnv, readNdjson, runCli } from './harness';
import { customersByRef, requireBuiltCli, startTestSandbox, updateCalls } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

interface Result {
  line: number;
  key: string;
  outcome: string;
  supersededBy?: number;
}

// Defect: row 2 sets K to A and row 4 sets K to B; row 2 fails with a retryable error and row 4 is
// applied. The rerun used to retry row 2, so K ended as A. The last valid row of a key must win:
// row 2 is superseded and never applied afterwards.
describe('supersession: a later applied row of a key wins over an earlier failed one', () => {
  let sandbox: Sandbox;
  let proxy: FaultProxy;
  let dir: string;
  let input: string;
  const out = (): string => path.join(dir, 'out');
  const results = (): Result[] => readNdjson<Result>(path.join(out(), 'results.ndjson'));
  const report = () => JSON.parse(fs.readFileSync(path.join(out(), 'report.json'), 'utf8'));
  const journalFile = (): string => path.join(out(), 'journal.ndjson');

  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox();
    // Every request carrying row 2's value fails with a 503: its write, and each of the client's retries.
    proxy = await startFaultProxy(sandbox.url, (body) =>
      body.includes('row2@example.com') ? 'refuse' : 'forward',
    );
    dir = makeTmpDir();
    input = path.join(dir, 'in.csv');
    fs.writeFileSync(
      input,
      [
        'ExternalCustomerReference,Email',
        'CRM-0002,row2@example.com', // line 2: K → A, fails
        'CRM-0003,row3@example.com', // line 3: another key
        'CRM-0002,row4@example.com', // line 4: K → B, applied
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await proxy.close();
    await sandbox.stop();
    removeDir(dir);
  });

  const run = (url: string, extra: string[] = []) =>
    runCli([input, '--out-dir', out(), '--concurrency', '4', ...extra], cliEnv(url, dir), dir);

  it('in one run: row 2 is reported superseded (exit 0), and the rerun leaves K at row 4', async () => {
    const first = await run(proxy.url);
    expect(proxy.counts.refuse).toBeGreaterThan(0);
    expect(customersByRef(sandbox).get(1002)?.Email).toBe('row4@example.com');
    expect(results().find((r) => r.line === 2)).toMatchObject({ outcome: 'superseded', supersededBy: 4 });
    expect(results().find((r) => r.line === 4)).toMatchObject({ outcome: 'updated' });
    expect(report().counts).toMatchObject({ updated: 2, superseded: 1, failed: 0 });
    expect(report().totals).toMatchObject({ updated: 2, superseded: 1, failed: 0 });
    expect(first.code).toBe(0);
    // Nothing needs a human: the dead-letter file is empty but for its header.
    expect(fs.readFileSync(path.join(out(), 'dead-letter.csv'), 'utf8').trim().split(/\r?\n/)).toHaveLength(
      1,
    );

    const writes = updateCalls(sandbox);
    const again = await run(sandbox.url); // the service is healthy now
    expect(again.code).toBe(0);
    expect(updateCalls(sandbox)).toBe(writes);
    expect(customersByRef(sandbox).get(1002)?.Email).toBe('row4@example.com');
  });

  it('killed after row 4 was journaled but before row 2 was marked: the resume still supersedes it', async () => {
    await run(proxy.url);
    // What a kill between the two journal lines leaves: row 2 failed (retry), row 4 updated.
    const lines = fs.readFileSync(journalFile(), 'utf8').split('\n');
    const kept = lines.filter((l) => !/"outcome":"superseded"/.test(l) && !/"type":"end"/.test(l));
    expect(kept.length).toBeLessThan(lines.length);
    fs.writeFileSync(journalFile(), kept.join('\n'));

    const resumed = await run(sandbox.url);
    expect(resumed.code).toBe(0);
    expect(customersByRef(sandbox).get(1002)?.Email).toBe('row4@example.com');
    expect(results().find((r) => r.line === 2)).toMatchObject({ outcome: 'superseded', supersededBy: 4 });
    expect(report().totals).toMatchObject({ superseded: 1, failed: 0 });
  });

  it('stopped before row 4: the rerun applies row 2 then row 4, in input order', async () => {
    const stopped = await run(proxy.url, ['--concurrency', '1', '--max-consecutive-failures', '1']);
    expect(stopped.code).toBe(2);
    expect(results().map((r) => [r.line, r.outcome])).toEqual([[2, 'failed']]);
    const resumed = await run(sandbox.url);
    expect(resumed.code).toBe(0);
    expect(customersByRef(sandbox).get(1002)?.Email).toBe('row4@example.com');
    expect(results().find((r) => r.line === 2)).toMatchObject({ outcome: 'updated' });
    expect(results().find((r) => r.line === 4)).toMatchObject({ outcome: 'updated' });
  });

  it('a partial later row supersedes only the fields it sets: the rest of the failed row is still applied', async () => {
    fs.writeFileSync(
      input,
      [
        'ExternalCustomerReference,Email,Phone',
        'CRM-0002,row2@example.com,+1 202 555 0102', // line 2: Email and Phone, fails
        'CRM-0002,row3@example.com,', // line 3: Email only (empty = leave as is), applied
        '',
      ].join('\n'),
    );
    const first = await run(proxy.url);
    expect(first.code).toBe(1);
    expect(customersByRef(sandbox).get(1002)).toMatchObject({
      Email: 'row3@example.com',
      Phone: '+1 703 555 0100',
    });
    const failed = results().find((r) => r.line === 2) as Result & { error: string };
    expect(failed).toMatchObject({ outcome: 'failed' });
    // The dead-letter row says which of its fields a later row has set since.
    const dead = fs.readFileSync(path.join(out(), 'dead-letter.csv'), 'utf8');
    expect(dead).toMatch(
      /line 3 has since set Email: only Phone still needs applying; the others are left empty here/,
    );
    // Re-sending the dead-letter file as it is does not bring row 2's Email back.
    expect(dead.split(/\r?\n/)[1]).toMatch(/^CRM-0002,,\+1 202 555 0102,/);

    const rerun = await run(sandbox.url);
    expect(rerun.code).toBe(0);
    // Row 2's Phone is applied; its Email is not (row 3's stays).
    expect(customersByRef(sandbox).get(1002)).toMatchObject({
      Email: 'row3@example.com',
      Phone: '+1 202 555 0102',
    });
    expect(results().find((r) => r.line === 2)).toMatchObject({
      outcome: 'updated',
      changes: [{ field: 'Phone', from: '+1 703 555 0100', to: '+1 202 555 0102' }],
    });
  });

  it('a partly superseded failure that fails again still sends only its uncovered fields next time', async () => {
    fs.writeFileSync(
      input,
      [
        'ExternalCustomerReference,Email,Phone',
        'CRM-0002,row2@example.com,+1 202 555 0102', // line 2: Email and Phone, fails twice
        'CRM-0002,row3@example.com,', // line 3: Email only, applied
        '',
      ].join('\n'),
    );
    await proxy.close();
    // Refuses row 2's write, and also its narrowed retry (which carries row 2's Phone).
    proxy = await startFaultProxy(sandbox.url, (body) =>
      body.includes('row2@example.com') || body.includes('+1 202 555 0102') ? 'refuse' : 'forward',
    );
    expect((await run(proxy.url)).code).toBe(1);
    expect((await run(proxy.url)).code).toBe(1); // the retry of row 2 (Phone only) fails again
    const dead = fs.readFileSync(path.join(out(), 'dead-letter.csv'), 'utf8');
    expect(dead).toMatch(/line 3 has since set Email: only Phone still needs applying/);

    expect((await run(sandbox.url)).code).toBe(0);
    expect(customersByRef(sandbox).get(1002)).toMatchObject({
      Email: 'row3@example.com',
      Phone: '+1 202 555 0102',
    });
  });
});
