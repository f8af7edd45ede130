// What an operator sees from the compiled CLI: each record problem logged once, the `run finished`
// line naming a report only when there is one, every missing credential in one message,
// --show-changes on stdout (and not in a cron mail unless asked), --metrics-file end to end.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processStartOf } from '../../src/sync/lock';
import { METRIC_PREFIX } from '../../src/sync/output/metrics';
import { parseWithPrometheusClient, valueOf } from '../helpers/prometheus-text';
import { CLI, cliEnv, finish, runCli } from './harness';
import { startTestSandbox } from './sandbox-fixtures';
import { useCliWorkspace } from './cli-workspace';

// Several CLI runs in a row on a small, shared machine: a generous bound, not a timing assertion.
jest.setTimeout(90_000);

type LogLine = Record<string, unknown> & { level: string; msg: string };
const jsonLines = (stderr: string): LogLine[] =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

describe('operator output', () => {
  const ws = useCliWorkspace();
  const { write, run } = ws;

  const PROBLEMS = [
    'ExternalCustomerReference,City,Email',
    'CRM-0001,Cambridge,', // line 2: updated
    'CRM-0006,,not-an-email', // line 3: invalid
    'CRM-9999,Nowhere,', // line 4: failed, not found
    '"CRM-0002,broken', // line 5: unreadable (a quote left open)
    'CRM-0004,Uppsala,', // line 6: updated
    '',
  ].join('\n');

  it('logs each record problem once at WARN (not found included: not again by the client)', async () => {
    const input = write('problems.csv', PROBLEMS);
    const res = await run([input, '--log-format', 'json']);
    expect(res.code).toBe(1);
    const warns = jsonLines(res.stderr).filter((l) => l.level === 'warn');
    expect(warns.map((w) => [w.msg, w.line])).toEqual(
      expect.arrayContaining([
        ['invalid record', 3],
        ['record failed', 4],
        ['unreadable record', 5],
      ]),
    );
    expect(warns).toHaveLength(3);
    expect(warns.find((w) => w.line === 4)).toMatchObject({ kind: 'not-found', key: 'CRM-9999' });
    // The client's own line for the failed call is still there, at debug.
    const debug = await run([input, '--log-format', 'json', '--log-level', 'debug', '--out-dir', 'debug']);
    const lines = jsonLines(debug.stderr);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(3);
    expect(lines.filter((l) => l.level === 'debug' && l.msg === 'client: twocheckout: call failed')).toEqual([
      expect.objectContaining({ faultCode: 'NOT_FOUND_CUSTOMER' }),
    ]);
  });

  it('a failure after retries (the service answering 503) is one WARN per record too', async () => {
    const down = await startTestSandbox({
      faults: { http503Rate: 1, timing: 'before', operations: ['updateCustomerInformation'], seed: 5 },
    });
    try {
      const input = write('down.csv', 'ExternalCustomerReference,City\nCRM-0001,Ely\nCRM-0002,Bath\n');
      const res = await run([input, '--log-format', 'json', '--max-consecutive-failures', '0'], {}, down.url);
      expect(res.code).toBe(1);
      const warns = jsonLines(res.stderr).filter((l) => l.level === 'warn');
      expect(warns.map((w) => [w.msg, w.line, w.kind])).toEqual(
        expect.arrayContaining([
          ['record failed', 2, 'transient'],
          ['record failed', 3, 'transient'],
        ]),
      );
      expect(warns).toHaveLength(2);
    } finally {
      await down.stop();
    }
  });

  it("'run finished' names the report only when one was written; otherwise it says nothing was", async () => {
    const input = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
    const done = await run([input, '--log-format', 'json']);
    const finished = jsonLines(done.stderr).find((l) => l.msg === 'run finished');
    expect(finished?.report).toBe(path.join(ws.dir, 'sync-out', 'ok', 'report.json'));

    // Another run holds the lock (this process: alive, on this host).
    const out = path.join(ws.dir, 'sync-out', 'held');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, 'journal.ndjson.lock'),
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        startedAt: new Date().toISOString(),
        token: 'other',
        procStart: processStartOf(process.pid),
      }),
    );
    const held = write('held.csv', 'ExternalCustomerReference,City\nCRM-0001,Leeds\n');
    const refused = await run([held, '--log-format', 'json']);
    expect(refused.code).toBe(2);
    const line = jsonLines(refused.stderr).find((l) => l.msg === 'run finished');
    expect(line).toMatchObject({ status: 'fatal', reportWritten: false, outputs: 'none written' });
    expect(line).not.toHaveProperty('report');
    expect(fs.readdirSync(out)).toEqual(['journal.ndjson.lock']);
    const text = await run([held]);
    expect(text.stderr).toMatch(/another run holds/);
    expect(text.stderr).toContain(
      `nothing written: no report, results or dead-letter file (${out} left as it was)`,
    );
    expect(text.stderr).not.toMatch(/report=|report: /);

    const missing = await run([path.join(ws.dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/run finished status=fatal .*reportWritten=false outputs="none written"/);
    expect(missing.stderr).toMatch(/nothing written: no report, results or dead-letter file/);
    expect(fs.existsSync(path.join(ws.dir, 'sync-out', 'nope'))).toBe(false);
  });

  it('names every missing credential in one message, and still updates --metrics-file', async () => {
    const input = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
    const env = cliEnv(ws.sandbox.url, ws.dir, { TWOCHECKOUT_TIMEOUT_MS: 'soon' });
    delete env.TWOCHECKOUT_MERCHANT_CODE;
    delete env.TWOCHECKOUT_SECRET_KEY;
    const metrics = path.join(ws.dir, 'collector', 'sync.prom');
    const res = await runCli([input, '--metrics-file', metrics], env, ws.dir);
    expect(res.code).toBe(2);
    const errors = res.stderr.split('\n').filter((l) => / ERROR /.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /configuration: 3 configuration problems: TWOCHECKOUT_MERCHANT_CODE is not set; TWOCHECKOUT_SECRET_KEY is not set; TWOCHECKOUT_TIMEOUT_MS must be/,
    );
    const f = parseWithPrometheusClient(fs.readFileSync(metrics, 'utf8'));
    expect(valueOf(f, `${METRIC_PREFIX}last_run_exit_code`)).toBe(2);
    expect(valueOf(f, `${METRIC_PREFIX}last_run_fatal`, { kind: 'config' })).toBe(1);
    expect(fs.existsSync(path.join(ws.dir, 'sync-out'))).toBe(false);
  });

  describe('--show-changes', () => {
    const CHANGES = [
      'ExternalCustomerReference,City,Phone',
      'CRM-0001,Cambridge,+44 1',
      'CRM-0002,DEMO_SECRET_KEY,', // the secret key pasted into an export
      'CRM-0004,Uppsala,',
      '',
    ].join('\n');

    it("prints the dry run's changes on stdout when asked; nothing without a terminal by default", async () => {
      const input = write('changes.csv', CHANGES);
      const quiet = await run([input, '--dry-run']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).toBe(''); // a cron mail gets the summary, not the diff
      const shown = await run([input, '--dry-run', '--show-changes']);
      const lines = shown.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('planned changes (dry run: nothing was written): 4 fields');
      expect(lines.slice(1)).toEqual([
        '  line 2 CRM-0001: City: "London" → "Cambridge"',
        expect.stringMatching(/^ {2}line 2 CRM-0001: Phone: ".*" → "\+44 1"$/),
        '  line 3 CRM-0002: City: "Arlington" → "[REDACTED]"',
        '  line 4 CRM-0004: City: "Stockholm" → "Uppsala"',
      ]);
      expect(shown.stdout + shown.stderr).not.toContain('DEMO_SECRET_KEY');
      const one = await run([input, '--dry-run', '--show-changes=1']);
      expect(one.stdout.trimEnd().split('\n')).toEqual([
        'planned changes (dry run: nothing was written): 4 fields',
        '  line 2 CRM-0001: City: "London" → "Cambridge"',
        `  … 3 more in ${path.join(ws.dir, 'sync-out', 'changes', 'dry-run.results.ndjson')}`,
      ]);
      const off = await run([input, '--dry-run', '--no-show-changes'], {
        TWOCHECKOUT_SYNC_SHOW_CHANGES: 'all',
      });
      expect(off.stdout).toBe('');
      // A real run shows what it applied.
      const applied = await run([input, '--show-changes', 'all']);
      expect(applied.stdout.split('\n')[0]).toBe('changes applied: 4 fields');
    });

    it('on a terminal, the default shows up to 20 lines', async () => {
      const input = write('tty.csv', CHANGES);
      const env = { ...cliEnv(ws.sandbox.url, ws.dir), TERM: 'dumb' };
      // script(1) gives the CLI a pseudo-terminal as stdout, as an operator's shell would. (Not
      // spawnSync: the ws.sandbox answering the CLI runs in this process.)
      const command = [
        process.execPath,
        CLI,
        input,
        '--dry-run',
        '--dotenv',
        path.join(ws.dir, 'empty.env'),
        '--progress',
        'none',
      ]
        .map((a) => `'${a}'`)
        .join(' ');
      const r = await finish(
        spawn('script', ['-qec', command, '/dev/null'], {
          env,
          cwd: ws.dir,
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('planned changes (dry run: nothing was written): 4 fields');
      expect(r.stdout).toContain('line 4 CRM-0004: City: "Stockholm" → "Uppsala"');
    });
  });

  it('--metrics-file: parsed back, it says what the report says; a failed night keeps the last success', async () => {
    const input = write(
      'm.csv',
      PROBLEMS.replace('CRM-9999,Nowhere,\n', '').replace('"CRM-0002,broken\n', ''),
    );
    const collector = path.join(ws.dir, 'textfile');
    const metrics = path.join(collector, 'twocheckout-sync.prom');
    expect((await run([input, '--metrics-file', metrics])).code).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(ws.dir, 'sync-out', 'm', 'report.json'), 'utf8'));
    let f = parseWithPrometheusClient(fs.readFileSync(metrics, 'utf8'));
    for (const outcome of ['updated', 'unchanged', 'invalid', 'failed'])
      expect(valueOf(f, `${METRIC_PREFIX}last_run_records`, { outcome, input: 'm.csv' })).toBe(
        report.counts[outcome],
      );
    expect(valueOf(f, `${METRIC_PREFIX}last_run_exit_code`)).toBe(1);
    expect(valueOf(f, `${METRIC_PREFIX}dead_letter_records`)).toBe(1);
    expect(valueOf(f, `${METRIC_PREFIX}last_run_duration_seconds`)).toBe(report.durationMs / 1000);
    expect(valueOf(f, `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBeUndefined();
    expect(fs.readdirSync(collector)).toEqual(['twocheckout-sync.prom']); // no temporary file left

    const ok = write('m.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
    expect((await run([ok, '--metrics-file', metrics])).code).toBe(0);
    f = parseWithPrometheusClient(fs.readFileSync(metrics, 'utf8'));
    const success = valueOf(f, `${METRIC_PREFIX}last_success_timestamp_seconds`);
    expect(success).toBeGreaterThan(0);

    fs.writeFileSync(ok, 'ExternalCustomerReference,City\nCRM-0001,Bristol\n');
    expect((await run([ok, '--metrics-file', metrics], { TWOCHECKOUT_SECRET_KEY: 'wrong' })).code).toBe(2);
    f = parseWithPrometheusClient(fs.readFileSync(metrics, 'utf8'));
    expect(valueOf(f, `${METRIC_PREFIX}last_run_fatal`, { kind: 'authentication' })).toBe(1);
    expect(valueOf(f, `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(success);
  });
});
