import fs from 'node:fs';
import path from 'node:path';
import { createTwoCheckoutClient, type TwoCheckoutClient } from '../../src';
import type { Sandbox } from '../../src/sandbox';
import { startFaultProxy } from './fault-proxy';
import { cliEnv, runCli, type CliResult } from './harness';
import { customersByRef, requireBuiltCli, seedWith, startTestSandbox } from './sandbox-fixtures';
import { callsDuring, readReport, readResults, writeExport, type ExportRow } from './state-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 30;
const COLUMNS = ['ExternalCustomerReference', 'Phone', 'CountryCode', 'Language', 'Email'];
const ref = (i: number): string => `CRM-${1001 + i}`;

/**
 * Last night's export: every customer's e-mail and country as the seed has them, a third with a
 * new phone number. The country is upper case and some languages are upper case or empty: the
 * service stores `us` and `en`, so only the normalized values can match the next night.
 */
function night1(): ExportRow[] {
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    ExternalCustomerReference: ref(i),
    Phone: i % 3 === 0 ? `+1 555 ${String(1000 + i)}` : '+1 555 0000',
    CountryCode: 'US',
    Language: i % 2 === 0 ? 'EN' : '',
    Email: `c${i}@example.com`,
  }));
}

describe('the sync state: a night costs what changed', () => {
  let sandbox: Sandbox;
  let dir: string;
  let out: string;
  let other: TwoCheckoutClient;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    dir = makeTmpDir();
    out = path.join(dir, 'out');
    // "Someone else": another client editing customers in 2Checkout directly.
    other = createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: 'DEMO_SECRET_KEY',
      url: sandbox.url,
      proxy: null,
    });
  });
  afterEach(async () => {
    await other.close();
    await sandbox.stop();
    removeDir(dir);
  });

  const file = (name: string): string => path.join(dir, name);
  const sync = (input: string, extra: string[] = [], url = sandbox.url): Promise<CliResult> =>
    runCli([input, '--out-dir', out, '--concurrency', '4', ...extra], cliEnv(url, dir), dir);
  async function firstNight(): Promise<string> {
    const input = file('night1.csv');
    writeExport(input, COLUMNS, night1());
    const calls = await callsDuring(sandbox, async () => expect((await sync(input)).code).toBe(0));
    // No state yet: every customer is read, as without one; the changed ones are written.
    expect(calls).toEqual({ reads: CUSTOMERS, writes: CUSTOMERS / 3 });
    const report = readReport(out);
    expect(report.counts).toMatchObject({ updated: CUSTOMERS / 3, unchanged: (CUSTOMERS * 2) / 3 });
    expect(report.counts['unchanged-state']).toBe(0);
    expect(report.state).toMatchObject({
      mode: 'incremental',
      customersAtStart: 0,
      customersAtEnd: CUSTOMERS,
    });
    expect(fs.existsSync(path.join(out, 'state.sqlite'))).toBe(true);
    return input;
  }

  it('the same export, rerun, makes no customer calls; nor does the next export with nothing changed', async () => {
    const input = await firstNight();
    const before = customersByRef(sandbox);

    // The same file again (--restart: the journal would otherwise call the night done).
    let rerun: CliResult | undefined;
    const again = await callsDuring(sandbox, async () => {
      rerun = await sync(input, ['--restart']);
    });
    expect(rerun?.code).toBe(0);
    expect(again).toEqual({ reads: 0, writes: 0 });
    const report = readReport(out);
    expect(report.counts['unchanged-state']).toBe(CUSTOMERS);
    expect(report.client).toMatchObject({ calls: 0, logins: 0 });
    expect(rerun?.stderr).toMatch(/unchanged \(state\) 30/);
    expect(readResults(out).every((r) => r.outcome === 'unchanged-state')).toBe(true);

    // The next night's export: the same rows in another order (another file, a new run).
    const reordered = file('night2.csv');
    writeExport(reordered, [...COLUMNS].reverse(), night1().reverse());
    const next = await callsDuring(sandbox, async () => expect((await sync(reordered)).code).toBe(0));
    expect(next).toEqual({ reads: 0, writes: 0 });
    expect(readReport(out).totals['unchanged-state']).toBe(CUSTOMERS);
    expect(customersByRef(sandbox)).toEqual(before);
  });

  it('one changed row makes exactly one read and one write', async () => {
    await firstNight();
    const rows = night1();
    rows[7].Email = 'moved7@example.org';
    const input = file('night2.csv');
    writeExport(input, COLUMNS, rows);
    const calls = await callsDuring(sandbox, async () => expect((await sync(input)).code).toBe(0));
    expect(calls).toEqual({ reads: 1, writes: 1 });
    expect(readReport(out).counts).toMatchObject({
      updated: 1,
      unchanged: 0,
      'unchanged-state': CUSTOMERS - 1,
    });
    expect(customersByRef(sandbox).get(5008)?.Email).toBe('moved7@example.org');
    const changed = readResults(out).find((r) => r.key === ref(7));
    expect(changed).toMatchObject({
      outcome: 'updated',
      changes: [{ field: 'Email', to: 'moved7@example.org' }],
    });
    expect(changed?.drift).toBeUndefined();
  });

  it('a change made in 2Checkout is left alone while the state is fresh, and corrected as drift with --refresh-after 0', async () => {
    const input = await firstNight();
    await other.customers.update({ external: ref(3) }, { Phone: '+1 999 0003' });

    // Fresh state: the export did not change, so nothing is read and the edit stays.
    const fresh = await callsDuring(sandbox, async () =>
      expect((await sync(input, ['--restart'])).code).toBe(0),
    );
    expect(fresh).toEqual({ reads: 0, writes: 0 });
    expect(customersByRef(sandbox).get(5004)?.Phone).toBe('+1 999 0003');

    // Everything is due: every customer is read, and the export (the system of record) wins.
    let refreshed: CliResult | undefined;
    const calls = await callsDuring(sandbox, async () => {
      refreshed = await sync(input, ['--restart', '--refresh-after', '0']);
    });
    expect(refreshed?.code).toBe(0);
    expect(calls).toEqual({ reads: CUSTOMERS, writes: 1 });
    expect(customersByRef(sandbox).get(5004)?.Phone).toBe('+1 555 1003');
    const report = readReport(out);
    expect(report.counts).toMatchObject({ updated: 1, unchanged: CUSTOMERS - 1, 'unchanged-state': 0 });
    expect(report.state).toMatchObject({ refreshed: CUSTOMERS, driftCorrected: 1, refreshAfterDays: 0 });
    expect(report.state.drift).toEqual([
      { line: 5, key: ref(3), outcome: 'updated', field: 'Phone', from: '+1 999 0003', to: '+1 555 1003' },
    ]);
    expect(readResults(out).find((r) => r.key === ref(3))?.drift).toEqual(['Phone']);
    expect(refreshed?.stderr).toMatch(/drift corrected 1/);

    // The reads confirmed every customer again: the next night is free once more.
    const after = await callsDuring(sandbox, async () =>
      expect((await sync(input, ['--restart'])).code).toBe(0),
    );
    expect(after).toEqual({ reads: 0, writes: 0 });
  });

  it('drift on a field the state confirms is found whenever the record is read anyway', async () => {
    await firstNight();
    // Someone changes the phone; the export changes the e-mail of the same customer.
    await other.customers.update({ external: ref(4) }, { Phone: '+1 999 0004' });
    const rows = night1();
    rows[4].Email = 'new4@example.org';
    const input = file('night2.csv');
    writeExport(input, COLUMNS, rows);
    const calls = await callsDuring(sandbox, async () => expect((await sync(input)).code).toBe(0));
    expect(calls).toEqual({ reads: 1, writes: 1 });
    expect(customersByRef(sandbox).get(5005)).toMatchObject({
      Phone: '+1 555 0000',
      Email: 'new4@example.org',
    });
    const result = readResults(out).find((r) => r.key === ref(4));
    expect(result?.drift).toEqual(['Phone']);
    expect(readReport(out).state).toMatchObject({ driftCorrected: 1, refreshed: 0 });
  });

  it('the dry run honours the state and never writes it; without a state file it creates none', async () => {
    const dryRunOut = path.join(dir, 'fresh');
    const untouched = file('untouched.csv');
    writeExport(untouched, COLUMNS, night1());
    const first = await runCli(
      [untouched, '--out-dir', dryRunOut, '--dry-run'],
      cliEnv(sandbox.url, dir),
      dir,
    );
    expect(first.code).toBe(0);
    expect(fs.readdirSync(dryRunOut).filter((f) => f.startsWith('state'))).toEqual([]);

    await firstNight();
    const stateFile = path.join(out, 'state.sqlite');
    const dump = (): string => stateDump(stateFile);
    const before = dump();
    const rows = night1();
    rows[2].Phone = '+1 555 7777';
    const input = file('night2.csv');
    writeExport(input, COLUMNS, rows);
    const calls = await callsDuring(sandbox, async () =>
      expect((await sync(input, ['--dry-run', '--refresh-after', '3'])).code).toBe(0),
    );
    expect(calls).toEqual({ reads: 1, writes: 0 });
    const report = readReport(out, 'dry-run.report.json');
    expect(report.counts).toMatchObject({ planned: 1, 'unchanged-state': CUSTOMERS - 1 });
    expect(report.state.mode).toBe('read-only');
    expect(dump()).toBe(before);
  });

  it('--full reads every customer and writes the state afresh; --no-state behaves as without a state', async () => {
    const input = await firstNight();
    const full = await callsDuring(sandbox, async () =>
      expect((await sync(input, ['--restart', '--full'])).code).toBe(0),
    );
    expect(full).toEqual({ reads: CUSTOMERS, writes: 0 });
    expect(readReport(out).counts).toMatchObject({ unchanged: CUSTOMERS, 'unchanged-state': 0 });
    expect(readReport(out).state).toMatchObject({
      mode: 'full',
      customersAtStart: 0,
      customersAtEnd: CUSTOMERS,
    });

    const stateFile = path.join(out, 'state.sqlite');
    const before = stateDump(stateFile);
    const none = await callsDuring(sandbox, async () =>
      expect((await sync(input, ['--restart', '--no-state'])).code).toBe(0),
    );
    expect(none).toEqual({ reads: CUSTOMERS, writes: 0 });
    expect(readReport(out).state).toMatchObject({ mode: 'off', file: null });
    expect(readReport(out).counts).toMatchObject({ unchanged: CUSTOMERS, 'unchanged-state': 0 });
    expect(stateDump(stateFile)).toBe(before);
  });

  it('one state per shard: each shard builds its own, and each rerun is free', async () => {
    const input = file('night1.csv');
    writeExport(input, COLUMNS, night1());
    const shard = (i: number, extra: string[] = []): Promise<CliResult> =>
      sync(input, ['--shard', `${i}/2`, ...extra]);
    expect((await shard(1)).code).toBe(0);
    expect((await shard(2)).code).toBe(0);
    expect(
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.sqlite'))
        .sort(),
    ).toEqual(['state.shard-1-of-2.sqlite', 'state.shard-2-of-2.sqlite']);
    const a = readReport(out, 'report.shard-1-of-2.json').state.customersAtEnd;
    const b = readReport(out, 'report.shard-2-of-2.json').state.customersAtEnd;
    expect(a + b).toBe(CUSTOMERS);
    expect(Math.min(a, b)).toBeGreaterThan(0);
    const rerun = await callsDuring(sandbox, async () => {
      expect((await shard(1, ['--restart'])).code).toBe(0);
      expect((await shard(2, ['--restart'])).code).toBe(0);
    });
    expect(rerun).toEqual({ reads: 0, writes: 0 });
  });

  it('a failed row and its dead-letter re-run: read and written when re-sent, then confirmed', async () => {
    const rows = night1();
    rows[5].Email = 'refused5@example.org';
    const input = file('night1.csv');
    writeExport(input, COLUMNS, rows);
    let refusing = true;
    const proxy = await startFaultProxy(sandbox.url, (body) =>
      refusing && body.includes('updateCustomerInformation') && body.includes('refused5@example.org')
        ? 'refuse'
        : 'forward',
    );
    try {
      const first = await sync(input, [], proxy.url);
      expect(first.code).toBe(1);
      expect(readReport(out).counts.failed).toBe(1);
      const deadLetter = path.join(out, 'dead-letter.csv');
      expect(fs.readFileSync(deadLetter, 'utf8')).toContain('refused5@example.org');

      // The same export again: the failed row was never confirmed, so it is read and written.
      refusing = false;
      const retryOut = path.join(dir, 'retry');
      const retried = await callsDuring(sandbox, async () => {
        const r = await runCli(
          [deadLetter, '--out-dir', retryOut, '--state', path.join(out, 'state.sqlite')],
          cliEnv(proxy.url, dir),
          dir,
        );
        expect(r.code).toBe(0);
      });
      expect(retried).toEqual({ reads: 1, writes: 1 });
      expect(customersByRef(sandbox).get(5006)?.Email).toBe('refused5@example.org');
      const again = await callsDuring(sandbox, async () =>
        expect((await sync(input, ['--restart'], proxy.url)).code).toBe(0),
      );
      expect(again).toEqual({ reads: 0, writes: 0 });
    } finally {
      await proxy.close();
    }
  });
});

/** The state's customers table as text, to tell whether a run changed it. */
function stateDump(file: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT key, reference, hex(fields) AS fields FROM customers ORDER BY key').all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}
