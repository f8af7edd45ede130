// docs/report.schema.json against real reports: the compiled CLI's report.json after runs that
// complete, complete with errors, fail fatally, are interrupted, dry-run and shard, and what
// runSync returns when it could not write one. The schema refuses undocumented fields, so a field
// added to the report without documenting it fails here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromEnv } from '../../src/facade/from-env';
import { parseCommandLine } from '../../src/sync/args';
import { SYNC_ERROR_KINDS } from '../../src/sync/errors';
import { processStartOf } from '../../src/sync/lock';
import { emptyCounts } from '../../src/sync/output/render-outputs';
import { runSync } from '../../src/sync/runner';
import { offStateReport, REPORT_SCHEMA_VERSION, type SyncReport } from '../../src/sync/sync-types';
import { expectValidReport, reportSchema, schemaErrors } from '../helpers/report-schema';
import { cliEnv, finish, startCli, waitFor } from './harness';
import { seedWith, startTestSandbox } from './sandbox-fixtures';
import { useCliWorkspace } from './cli-workspace';

// Several CLI runs in a row on a small, shared machine: a generous bound, not a timing assertion.
jest.setTimeout(90_000);

type Obj = Record<string, unknown>;
const readJson = (file: string): SyncReport => JSON.parse(fs.readFileSync(file, 'utf8')) as SyncReport;
const pkgVersion = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Every field path the schema describes (`counts.updated`, `changes[].line`…), $refs followed. */
function schemaPaths(schema: Obj): string[] {
  const defs = schema.$defs as Record<string, Obj>;
  const resolve = (s: Obj): Obj =>
    typeof s.$ref === 'string' ? resolve(defs[s.$ref.split('/').pop() ?? '']) : s;
  const walk = (node: Obj, prefix: string): string[] => {
    const s = resolve(node);
    const props: Record<string, Obj> = {};
    for (const part of [s, ...((s.allOf as Obj[] | undefined) ?? []).map(resolve)]) {
      Object.assign(props, (part.properties as Record<string, Obj> | undefined) ?? {});
    }
    if (s.type === 'array') return walk(s.items as Obj, `${prefix}[]`);
    const keys = Object.keys(props);
    if (keys.length === 0 || s.additionalProperties) return [prefix];
    return keys.flatMap((k) => walk(props[k], prefix ? `${prefix}.${k}` : k));
  };
  return walk(schema, '');
}

describe('report.json and docs/report.schema.json', () => {
  it('the schema compiles strictly, lists every fatal kind and outcome, and refuses undocumented fields', () => {
    const schema = reportSchema();
    const defs = schema.$defs as Record<string, Obj>;
    expect((defs.fatal.properties as Record<string, Obj>).kind.enum).toEqual([...SYNC_ERROR_KINDS]);
    expect(defs.outcomeCounts.required).toEqual(Object.keys(emptyCounts()));
    expect((schema.properties as Record<string, Obj>).schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    // Every property says what it means.
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${where}/${i}`));
      else if (node && typeof node === 'object') {
        const o = node as Obj;
        for (const [k, v] of Object.entries((o.properties as Obj | undefined) ?? {})) {
          if (typeof v === 'object' && !(v as Obj).description && !(v as Obj).$ref)
            undocumented.push(`${where}/${k}`);
        }
        // The root's allOf holds the status rules (constraints on documented fields), not fields.
        for (const [k, v] of Object.entries(o))
          if (!(where === '#' && k === 'allOf')) visit(v, `${where}/${k}`);
      }
    };
    visit(schema, '#');
    expect(undocumented).toEqual([]);
  });

  it('docs/sync.md documents exactly the fields the schema has', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'sync.md'), 'utf8');
    const section = page.slice(page.indexOf('### The report'), page.indexOf('## Exit codes'));
    const documented = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...(l.split(' | ')[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect([...new Set(documented)].sort()).toEqual(schemaPaths(reportSchema()).sort());
  });

  describe('real reports validate', () => {
    const ws = useCliWorkspace();
    const { write, run } = ws;
    const MIXED = [
      'ExternalCustomerReference,City,Email',
      'CRM-0001,Cambridge,', // updated
      'CRM-0002,,', // unchanged
      'CRM-0006,,not-an-email', // invalid
      'CRM-9999,Nowhere,', // failed: not found
      '"CRM-0003,broken', // unreadable
      '',
    ].join('\n');

    it('completed, completed with errors, the next night (journal set aside), dry run, shard, metrics file', async () => {
      const ok = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\nCRM-0002,Arlington\n');
      expect((await run([ok])).code).toBe(0);
      const completed = readJson(path.join(ws.dir, 'sync-out', 'ok', 'report.json'));
      expect(completed).toMatchObject({ schemaVersion: 1, toolVersion: pkgVersion, status: 'completed' });
      expectValidReport(completed);

      const mixed = write('mixed.csv', MIXED);
      const metrics = path.join(ws.dir, 'metrics', 'sync.prom');
      expect((await run([mixed, '--metrics-file', metrics])).code).toBe(1);
      const withErrors = readJson(path.join(ws.dir, 'sync-out', 'mixed', 'report.json'));
      expect(withErrors).toMatchObject({
        status: 'completed-with-errors',
        totals: { updated: 1, unchanged: 1, invalid: 2, failed: 1 },
        files: { metrics },
      });
      expectValidReport(withErrors);

      // The next night's export under the same name: the completed journal is set aside.
      fs.writeFileSync(mixed, MIXED.replace('Cambridge', 'Ely'));
      expect((await run([mixed])).code).toBe(1);
      const nextNight = readJson(path.join(ws.dir, 'sync-out', 'mixed', 'report.json'));
      expect(nextNight.journal?.rotatedTo).toMatch(/journal\.ndjson\.prev$/);
      expectValidReport(nextNight);

      expect((await run([mixed, '--dry-run'])).code).toBe(1);
      const dry = readJson(path.join(ws.dir, 'sync-out', 'mixed', 'dry-run.report.json'));
      // The state the real runs confirmed spares the dry run a read (CRM-0002 sets no field: the
      // state has nothing of it to confirm, so it is read).
      expect(dry).toMatchObject({ dryRun: true, counts: { unchanged: 1, 'unchanged-state': 1 } });
      expect(dry.state).toMatchObject({ mode: 'read-only', customersAtStart: 1, customersAtEnd: 1 });
      expectValidReport(dry);

      const all = write('all.csv', MIXED.replace('CRM-9999,Nowhere,\n', ''));
      for (const shard of ['1/2', '2/2']) {
        const res = await run([all, '--shard', shard]);
        expect([0, 1]).toContain(res.code);
        const report = readJson(
          path.join(ws.dir, 'sync-out', 'all', `report.shard-${shard.replace('/', '-of-')}.json`),
        );
        expect(report.options.shard).toBe(shard);
        expect(report.counts.otherShards).toBeGreaterThan(0);
        expectValidReport(report);
      }
    });

    it('fatal (authentication) and interrupted (SIGTERM)', async () => {
      const ok = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
      expect((await run([ok], { TWOCHECKOUT_SECRET_KEY: 'wrong' })).code).toBe(2);
      const fatal = readJson(path.join(ws.dir, 'sync-out', 'ok', 'report.json'));
      expect(fatal).toMatchObject({ status: 'fatal', fatal: { kind: 'authentication' } });
      expectValidReport(fatal);

      const slow = await startTestSandbox({
        seed: seedWith(40),
        faults: { latencyMs: 20, jitterMs: 20, seed: 3 },
      });
      try {
        const rows = Array.from({ length: 40 }, (_, i) => `CRM-${1001 + i},+1 555 ${1000 + i}`);
        const input = write('phones.csv', `ExternalCustomerReference,Phone\n${rows.join('\n')}\n`);
        const journal = path.join(ws.dir, 'sync-out', 'phones', 'journal.ndjson');
        const child = startCli([input, '--concurrency', '2'], cliEnv(slow.url, ws.dir), ws.dir);
        const done = finish(child);
        await waitFor(
          () => fs.existsSync(journal) && fs.readFileSync(journal, 'utf8').includes('"type":"record"'),
          'a record',
        );
        child.kill('SIGTERM');
        expect((await done).code).toBe(143);
        const interrupted = readJson(path.join(ws.dir, 'sync-out', 'phones', 'report.json'));
        expect(interrupted).toMatchObject({ status: 'interrupted', interruptedBy: 'SIGTERM', exitCode: 143 });
        expectValidReport(interrupted);
      } finally {
        await slow.stop();
      }
    });

    it('what runSync returns when another run holds the lock: reportWritten false, and still valid', async () => {
      const input = write('held.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
      const parsed = parseCommandLine([input, '--out-dir', path.join(ws.dir, 'held')], {
        env: {},
        defaultDotenv: false,
      });
      if (parsed.kind !== 'run') throw new Error(parsed.kind);
      const { sync } = parsed.settings;
      fs.mkdirSync(path.dirname(sync.files.journal), { recursive: true });
      // This very process holds it: alive, on this host, with its real start time.
      fs.writeFileSync(
        `${sync.files.journal}.lock`,
        JSON.stringify({
          pid: process.pid,
          host: os.hostname(),
          startedAt: new Date().toISOString(),
          token: 'someone-else',
          procStart: processStartOf(process.pid),
        }),
      );
      const client = fromEnv(
        {
          TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
          TWOCHECKOUT_SECRET_KEY: 'DEMO_SECRET_KEY',
          TWOCHECKOUT_SOAP_URL: ws.sandbox.url,
        },
        { envFile: false },
      );
      try {
        const report = await runSync(sync, { client });
        expect(report).toMatchObject({ status: 'fatal', reportWritten: false, fatal: { kind: 'lock' } });
        expect(fs.existsSync(sync.files.report)).toBe(false);
        expectValidReport(report);
      } finally {
        await client.close();
      }
    });
  });

  it('an extra field anywhere is refused', () => {
    const base = {
      schemaVersion: 1,
      tool: 'twocheckout-sync',
      toolVersion: '0.1.0',
      status: 'completed',
      exitCode: 0,
      dryRun: false,
      input: { path: '/x.csv', format: 'csv', bytes: 1 },
      options: {
        format: 'csv',
        key: null,
        map: {},
        emptyMeans: 'skip',
        dryRun: false,
        concurrency: 8,
        maxRps: null,
        updateEndUserSubscriptions: false,
        verify: false,
        restart: false,
        shard: null,
        state: '/x/state.sqlite',
        full: false,
        refreshAfterDays: 7,
      },
      startedAt: '2025-01-01T00:00:00.000Z',
      endedAt: '2025-01-01T00:00:01.000Z',
      durationMs: 1000,
      counts: {
        ...emptyCounts(),
        skippedByJournal: 0,
        otherShards: 0,
        notAttempted: 0,
        confirmedOnResume: 0,
      },
      totals: emptyCounts(),
      client: { calls: 0, logins: 0, retries: 0, sessionRenewals: 0 },
      files: { journal: 'j', results: 'r', deadLetter: 'd', report: 'p' },
      changes: [],
      changesOmitted: 0,
      reportWritten: true,
      state: {
        ...offStateReport(),
        mode: 'incremental',
        file: '/x/state.sqlite',
        refreshAfterDays: 7,
        drift: [{ line: 2, key: 'K', outcome: 'updated', field: 'City', from: 'A', to: 'B' }],
      },
    };
    expect(schemaErrors(base)).toEqual([]);
    const extra = (mutate: (r: Obj) => void): string[] => {
      const r = JSON.parse(JSON.stringify(base)) as Obj;
      mutate(r);
      return schemaErrors(r);
    };
    expect(extra((r) => (r.surprise = 1))).not.toEqual([]);
    expect(extra((r) => ((r.counts as Obj).surprise = 1))).not.toEqual([]);
    expect(extra((r) => ((r.totals as Obj).skippedByJournal = 0))).not.toEqual([]);
    expect(extra((r) => ((r.files as Obj).surprise = 'x'))).not.toEqual([]);
    expect(extra((r) => ((r.options as Obj).surprise = 1))).not.toEqual([]);
    expect(extra((r) => ((r.state as Obj).surprise = 1))).not.toEqual([]);
    expect(extra((r) => ((r.state as Obj).mode = 'sometimes'))).not.toEqual([]);
    expect(extra((r) => delete (r.counts as Obj)['unchanged-state'])).not.toEqual([]);
    expect(extra((r) => (((r.state as Obj).drift as Obj[])[0].surprise = 1))).not.toEqual([]);
    expect(extra((r) => (r.fatal = { kind: 'lock', message: 'held' }))).not.toEqual([]); // fatal only with status fatal
    expect(extra((r) => (r.status = 'fatal'))).not.toEqual([]); // and status fatal needs it
    expect(extra((r) => (r.fatal = { kind: 'nope', message: 'x' }))).not.toEqual([]);
  });
});
