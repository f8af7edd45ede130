import fs from 'node:fs';
import path from 'node:path';
import { cliEnv, readNdjson, runCli } from './harness';
import { customersByRef } from './sandbox-fixtures';
import { useCliWorkspace } from './cli-workspace';

/**
 * A 1.3 MB JSON Lines export: a record, then 1.3 MB of blank lines (skipped), then a last record
 * whose City is the one byte that changes from one night to the next, after the first MiB.
 */
function exportFile(city: string): string {
  const blank = `${' '.repeat(999)}\n`;
  return [
    '{"ExternalCustomerReference":"CRM-0001","City":"Leeds"}\n',
    blank.repeat(1300),
    `{"ExternalCustomerReference":"CRM-0002","City":"${city}"}\n`,
  ].join('');
}

// Defect: the input was identified by its size plus its first MiB, so the next night's export with
// one byte changed after the first MiB counted as a resume of the completed run, and every run
// exited 2 ("input changed") until someone passed --restart.
describe('input identity is the whole content', () => {
  const ws = useCliWorkspace();

  const input = (): string => path.join(ws.dir, 'customers.jsonl');
  const out = (f: string): string => path.join(ws.dir, 'sync-out', 'customers', f);
  const run = () => runCli([input()], cliEnv(ws.sandbox.url, ws.dir), ws.dir);

  it('next night: same size, same first MiB, one byte changed after it: a new run, the old journal kept', async () => {
    fs.writeFileSync(input(), exportFile('Bristol'));
    expect(fs.statSync(input()).size).toBeGreaterThan(1.3e6);
    const night1 = await run();
    expect(night1.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1002)?.City).toBe('Bristol');

    fs.writeFileSync(input(), exportFile('Bristow')); // same length, differs after the first MiB
    const night2 = await run();
    expect(night2.stderr).not.toMatch(/differs from the one in the journal/);
    expect(night2.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1002)?.City).toBe('Bristow');
    const results = readNdjson<{ line: number; outcome: string }>(out('results.ndjson'));
    // The record night 1 confirmed is taken from the state (no read); the changed one is written.
    expect(results.map((r) => r.outcome).sort()).toEqual(['unchanged-state', 'updated']);
    // Last night's journal is kept as history, with its own (completed) run.
    const prev = readNdjson<{ type: string; complete?: boolean }>(out('journal.ndjson.prev'));
    expect(prev.filter((e) => e.type === 'end').at(-1)).toMatchObject({ complete: true });
  });

  it('an unfinished run over the same content resumes; over other content it is refused', async () => {
    fs.writeFileSync(input(), exportFile('Bristol'));
    expect((await run()).code).toBe(0);
    // Make the journal look unfinished (as a kill would leave it): drop its end line.
    const journal = fs.readFileSync(out('journal.ndjson'), 'utf8').split('\n');
    fs.writeFileSync(out('journal.ndjson'), journal.filter((l) => !l.includes('"type":"end"')).join('\n'));
    const same = await run();
    expect(same.code).toBe(0);
    expect(same.stderr).toMatch(/resuming from the journal/);

    fs.writeFileSync(out('journal.ndjson'), journal.filter((l) => !l.includes('"type":"end"')).join('\n'));
    fs.writeFileSync(input(), exportFile('Bristow'));
    const other = await run();
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/unfinished run over a different input/);
  });
});
