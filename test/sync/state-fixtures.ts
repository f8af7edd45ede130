import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import type { SyncReport } from '../../src/sync';
import { readNdjson } from './harness';

/** Customer calls the sandbox has answered so far (logins are not customer calls). */
export function customerCalls(sandbox: Sandbox): { reads: number; writes: number } {
  const ops = sandbox.stats().operations;
  return {
    reads: ops.getCustomerInformation?.calls ?? 0,
    writes: ops.updateCustomerInformation?.calls ?? 0,
  };
}

/** Runs `body` and returns the customer calls it made. */
export async function callsDuring(
  sandbox: Sandbox,
  body: () => Promise<unknown>,
): Promise<{ reads: number; writes: number }> {
  const before = customerCalls(sandbox);
  await body();
  const after = customerCalls(sandbox);
  return { reads: after.reads - before.reads, writes: after.writes - before.writes };
}

/** One export row of the seedWith() customers (CRM-1001…): the key and the fields it sets. */
export type ExportRow = Record<string, string>;

/** Writes a CSV export with the given columns (empty cells for fields a row does not set). */
export function writeExport(file: string, columns: readonly string[], rows: readonly ExportRow[]): void {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export function readReport(outDir: string, name = 'report.json'): SyncReport {
  return JSON.parse(fs.readFileSync(path.join(outDir, name), 'utf8')) as SyncReport;
}

export interface ResultLine {
  line: number;
  key: string;
  outcome: string;
  changes?: { field: string; from: unknown; to: unknown }[];
  drift?: string[];
}

export function readResults(outDir: string, name = 'results.ndjson'): ResultLine[] {
  return readNdjson<ResultLine>(path.join(outDir, name));
}
