// Four shard processes of the built CLI at once, against one sandbox, on one export: the way the
// Kubernetes Indexed Job in docs/scheduling.md runs them (`--shard $((JOB_COMPLETION_INDEX+1))/4`,
// through sh). Together they must apply every record exactly once, and each shard's report must
// count exactly the records of its shard.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { METRIC_PREFIX } from '../../src/sync/output/metrics';
import { inShard } from '../../src/sync/shard';
import type { SyncReport } from '../../src/sync/sync-types';
import { parseWithPrometheusClient, valueOf } from '../helpers/prometheus-text';
import { expectValidReport } from '../helpers/report-schema';
import { CLI, cliEnv, finish, readNdjson } from './harness';
import { customersByRef, requireBuiltCli, seedWith, startTestSandbox, updateCalls } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const SHARDS = 4;
const CUSTOMERS = 120;
const CONCURRENCY = 8; // 4 × 8 sockets, well under the sandbox's 128 connections

interface Row {
  line: number;
  key: string;
  phone: string;
  email: string;
  kind: 'valid' | 'invalid' | 'missing';
}

/** Every customer once, every third twice (the later row wins), a few invalid rows and unknown keys. */
function exportRows(): Row[] {
  const rows: Row[] = [];
  const add = (key: string, phone: string, email: string, kind: Row['kind']): void => {
    rows.push({ line: rows.length + 2, key, phone, email, kind });
  };
  for (let i = 0; i < CUSTOMERS; i++) {
    const key = `CRM-${1001 + i}`;
    add(key, `+1 555 1${String(i).padStart(3, '0')}`, '', 'valid');
    if (i % 7 === 3) add(key, '', 'not-an-email', 'invalid');
    if (i % 3 === 0) add(key, `+1 555 2${String(i).padStart(3, '0')}`, '', 'valid');
  }
  for (let j = 0; j < 6; j++) add(`CRM-X${j}`, '+1 555 9999', '', 'missing');
  return rows;
}

describe('4 shard processes at once on one export', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    dir = makeTmpDir();
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it('the union applies every record exactly once, and each shard reports exactly its own records', async () => {
    const rows = exportRows();
    const input = path.join(dir, 'customers.csv');
    const csv = rows.map((r) => `${r.key},${r.phone},${r.email}`);
    fs.writeFileSync(input, `ExternalCustomerReference,Phone,Email\n${csv.join('\n')}\n`);
    const before = customersByRef(sandbox);

    // The Indexed Job's command line, for JOB_COMPLETION_INDEX 0 … 3, all started together.
    const command =
      `exec "${process.execPath}" "${CLI}" --shard "$((JOB_COMPLETION_INDEX + 1))/${SHARDS}" ` +
      `--concurrency ${CONCURRENCY} --log-format json --progress none --dotenv "${path.join(dir, 'empty.env')}" ` +
      `--metrics-file "metrics/sync-$((JOB_COMPLETION_INDEX + 1)).prom" "${input}"`;
    const runs = await Promise.all(
      Array.from({ length: SHARDS }, (_, index) =>
        finish(
          spawn('/bin/sh', ['-c', command], {
            env: cliEnv(sandbox.url, dir, { JOB_COMPLETION_INDEX: String(index) }),
            cwd: dir,
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        ),
      ),
    );

    const shardOf = (key: string): number => {
      const found = Array.from({ length: SHARDS }, (_, i) => i + 1).filter((i) =>
        inShard(key, { index: i, count: SHARDS }),
      );
      expect(found).toHaveLength(1);
      return found[0];
    };
    const seenLines: number[] = [];
    for (let shard = 1; shard <= SHARDS; shard++) {
      const mine = rows.filter((r) => shardOf(r.key) === shard);
      expect(mine.length).toBeGreaterThan(0); // the hash spreads the keys
      const expected = {
        updated: mine.filter((r) => r.kind === 'valid').length,
        unchanged: 0,
        planned: 0,
        invalid: mine.filter((r) => r.kind === 'invalid').length,
        failed: mine.filter((r) => r.kind === 'missing').length,
        superseded: 0,
        skippedByJournal: 0,
        otherShards: rows.length - mine.length,
        notAttempted: 0,
        confirmedOnResume: 0,
      };
      const res = runs[shard - 1];
      expect({ shard, code: res.code }).toEqual({
        shard,
        code: expected.invalid + expected.failed > 0 ? 1 : 0,
      });
      const suffix = `shard-${shard}-of-${SHARDS}`;
      const out = path.join(dir, 'sync-out', 'customers');
      const report = JSON.parse(
        fs.readFileSync(path.join(out, `report.${suffix}.json`), 'utf8'),
      ) as SyncReport;
      expect({ shard, counts: report.counts }).toEqual({ shard, counts: expected });
      expect(report.options.shard).toBe(`${shard}/${SHARDS}`);
      expectValidReport(report);
      const results = readNdjson<{ line: number; key: string; outcome: string }>(
        path.join(out, `results.${suffix}.ndjson`),
      );
      expect(results.map((r) => r.line).sort((a, b) => a - b)).toEqual(mine.map((r) => r.line));
      seenLines.push(...results.map((r) => r.line));
      // Its own metrics file, labelled with its shard.
      const metrics = parseWithPrometheusClient(
        fs.readFileSync(path.join(dir, 'metrics', `sync-${shard}.prom`), 'utf8'),
      );
      expect(
        valueOf(metrics, `${METRIC_PREFIX}last_run_records`, {
          outcome: 'updated',
          shard: `${shard}/${SHARDS}`,
        }),
      ).toBe(expected.updated);
    }
    // Every record in exactly one shard.
    expect(seenLines.sort((a, b) => a - b)).toEqual(rows.map((r) => r.line));

    // Exactly once: one write per valid record (each changes the phone), and the last row wins.
    const valid = rows.filter((r) => r.kind === 'valid');
    expect(updateCalls(sandbox)).toBe(valid.length);
    const after = customersByRef(sandbox);
    for (let i = 0; i < CUSTOMERS; i++) {
      const last = valid.filter((r) => r.key === `CRM-${1001 + i}`).at(-1);
      expect({ ref: 5001 + i, phone: after.get(5001 + i)?.Phone }).toEqual({
        ref: 5001 + i,
        phone: last?.phone,
      });
      expect(after.get(5001 + i)?.Email).toBe(before.get(5001 + i)?.Email); // invalid rows sent nothing
    }
  }, 120_000); // four processes on a small, shared machine: generous, never a timing assertion
});
