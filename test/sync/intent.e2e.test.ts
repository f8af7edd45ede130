import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { startFaultProxy, type FaultProxy, type ProxyAction } from './fault-proxy';
import { cliEnv, finish, readNdjson, runCli, startCli, waitFor } from './harness';
import { customersByRef, requireBuiltCli, seedWith, startTestSandbox, updateCalls } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 4;
const phone = (i: number): string => `+1 202 555 ${String(100 + i)}`;

interface Result {
  line: number;
  outcome: string;
  confirmedOnResume?: boolean;
  changes?: { field: string; from: unknown; to: unknown }[];
}

// Defect: a record whose write was applied but whose answer was lost (or whose process was
// killed before journaling it) was reported `unchanged` on resume, so `updated` undercounted what
// the run changed. The intent is journaled before the write; on resume, a record with an intent
// whose values are in place is `updated` (confirmed on resume).
describe('writes whose answer was lost are counted as updated on resume', () => {
  let sandbox: Sandbox;
  let proxy: FaultProxy | undefined;
  let dir: string;
  let input: string;
  const out = (f: string): string => path.join(dir, 'out', f);
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    dir = makeTmpDir();
    input = path.join(dir, 'in.csv');
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => `CRM-${1001 + i},${phone(i)}`);
    fs.writeFileSync(input, `ExternalCustomerReference,Phone\n${rows.join('\n')}\n`);
  });
  afterEach(async () => {
    await proxy?.close();
    await sandbox.stop();
    removeDir(dir);
  });
  const args = (): string[] => [input, '--out-dir', path.join(dir, 'out'), '--concurrency', '4'];
  const writes = (action: ProxyAction) => (body: string) =>
    body.includes('updateCustomerInformation') ? action : 'forward';

  const expectAllConfirmed = (): void => {
    const results = readNdjson<Result>(out('results.ndjson'));
    expect(results).toHaveLength(CUSTOMERS);
    for (const r of results) {
      expect(r).toMatchObject({ outcome: 'updated', confirmedOnResume: true });
      expect(r.changes).toEqual([{ field: 'Phone', from: '+1 555 0000', to: phone(r.line - 2) }]);
    }
    const report = JSON.parse(fs.readFileSync(out('report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ updated: CUSTOMERS, unchanged: 0, confirmedOnResume: CUSTOMERS });
    expect(report.totals).toMatchObject({ updated: CUSTOMERS, unchanged: 0, failed: 0 });
  };

  it('the answer lost (the record failed): the rerun confirms the write and counts it updated', async () => {
    proxy = await startFaultProxy(sandbox.url, writes('lose-answer'));
    const first = await runCli(args(), cliEnv(proxy.url, dir), dir);
    expect(first.code).toBe(1);
    expect(proxy.counts['lose-answer']).toBeGreaterThanOrEqual(CUSTOMERS);
    const applied = customersByRef(sandbox);
    for (let i = 0; i < CUSTOMERS; i++) expect(applied.get(5001 + i)?.Phone).toBe(phone(i));

    const calls = updateCalls(sandbox);
    const rerun = await runCli(args(), cliEnv(sandbox.url, dir), dir);
    expect(rerun.code).toBe(0);
    expect(updateCalls(sandbox)).toBe(calls); // nothing written again
    expectAllConfirmed();
  });

  it('killed while the answers were on their way: the resume confirms the writes', async () => {
    proxy = await startFaultProxy(sandbox.url, writes('hold'));
    const child = startCli(args(), cliEnv(proxy.url, dir), dir);
    const done = finish(child);
    const held = proxy;
    await waitFor(() => held.counts.hold >= CUSTOMERS, 'every write to be applied upstream');
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(updateCalls(sandbox)).toBe(CUSTOMERS);

    const resumed = await runCli(args(), cliEnv(sandbox.url, dir), dir);
    expect(resumed.code).toBe(0);
    expect(updateCalls(sandbox)).toBe(CUSTOMERS);
    expectAllConfirmed();
  });
});
