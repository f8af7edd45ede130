import { dataRecord, META_COLUMNS } from '../column-map';
import type { EmptyMeans } from '../record-patch';
import type { InputFormat } from '../input/input-item';
import { readRecordEntries } from '../journal';
import type { Change, JournalRecordEntry, Outcome } from '../journal-format';
import type { RecordStates } from '../record-state';
import { AtomicFile } from './atomic-file';
import { csvRow } from './csv-text';

/** Records per outcome. */
export type OutcomeCounts = Record<Outcome, number>;

export function emptyCounts(): OutcomeCounts {
  return { updated: 0, unchanged: 0, planned: 0, invalid: 0, failed: 0, superseded: 0 };
}

export interface RenderTargets {
  journal: string;
  results: string;
  deadLetter: string;
  inputFormat: InputFormat;
  /** The input's columns as written (CSV header): the dead-letter file repeats them. */
  inputColumns: readonly string[];
  /** Planned/applied changes kept for the report (the results file has all of them). */
  maxReportedChanges: number;
  /**
   * For a failed record whose fields later records of its key have partly set since: the note for
   * its `_error`, and the input columns feeding those fields. They are left out of its dead-letter
   * row where leaving them out means "leave as it is" (JSON Lines; CSV with --empty-means skip), so
   * re-sending the file as it is never writes an older value over a newer one.
   */
  covered?: (entry: JournalRecordEntry) => { note: string; columns: ReadonlySet<string> } | undefined;
  emptyMeans: EmptyMeans;
}

export interface RenderSummary {
  /** Outcomes over the whole journal (this run and the runs it resumed), latest word per record. */
  totals: OutcomeCounts;
  /** The first `maxReportedChanges` changes, in journal order. */
  changes: {
    /** The record's line in the input. */
    line: number;
    /** The record's key value. */
    key: string;
    /** `updated` or `planned`. */
    outcome: Outcome;
    /** The Customer field. */
    field: string;
    /** The value before. */
    from: unknown;
    /** The value after. */
    to: unknown;
  }[];
  changesOmitted: number;
}

/** One change as the results file writes it: `Field: "old" → "new"` (values as JSON). */
export function describeChange(c: Change): string {
  return `${c.field}: ${JSON.stringify(c.from ?? null)} → ${JSON.stringify(c.to ?? null)}`;
}

function resultsLine(e: JournalRecordEntry, csv: boolean): string {
  if (csv) {
    return csvRow([
      e.line,
      e.key,
      e.outcome,
      e.reference ?? '',
      (e.changes ?? []).map((c) => c.field).join(';'),
      (e.changes ?? []).map(describeChange).join('; '),
      e.supersededBy !== undefined ? `superseded by line ${e.supersededBy}` : (e.error ?? ''),
    ]);
  }
  const out: Record<string, unknown> = { line: e.line, record: e.n, key: e.key, outcome: e.outcome };
  if (e.reference !== undefined) out.reference = e.reference;
  if (e.changes && e.changes.length > 0) out.changes = e.changes;
  if (e.error !== undefined) out.error = e.error;
  if (e.errorKind !== undefined) out.errorKind = e.errorKind;
  if (e.supersededBy !== undefined) out.supersededBy = e.supersededBy;
  if (e.confirmedOnResume) out.confirmedOnResume = true;
  return `${JSON.stringify(out)}\n`;
}

/**
 * Writes the per-record results file and the dead-letter file from the journal, so they cover the
 * whole input across resumed runs, with exactly one line per record (its latest outcome). Both are
 * written under temporary names and renamed into place.
 */
export async function renderOutputs(t: RenderTargets, states: RecordStates): Promise<RenderSummary> {
  const resultsCsv = t.results.toLowerCase().endsWith('.csv');
  const deadCsv = t.inputFormat === 'csv';
  const deadColumns = [...t.inputColumns.filter((c) => !META_COLUMNS.includes(c)), '_error', '_line'];
  const results = new AtomicFile(t.results, 'the results file');
  let dead: AtomicFile;
  try {
    dead = new AtomicFile(t.deadLetter, 'the dead-letter file');
  } catch (e) {
    results.abort();
    throw e;
  }
  const summary: RenderSummary = { totals: emptyCounts(), changes: [], changesOmitted: 0 };
  try {
    if (resultsCsv)
      results.write(csvRow(['line', 'key', 'outcome', 'reference', 'changed_fields', 'changes', 'error']));
    if (deadCsv) dead.write(csvRow(deadColumns));
    for await (const { index, entry } of readRecordEntries(t.journal)) {
      if (!states.isLatest(entry.n, index)) continue;
      summary.totals[entry.outcome] += 1;
      results.write(resultsLine(entry, resultsCsv));
      for (const c of entry.changes ?? []) {
        if (summary.changes.length < t.maxReportedChanges) {
          summary.changes.push({ line: entry.line, key: entry.key, outcome: entry.outcome, ...c });
        } else summary.changesOmitted += 1;
      }
      if (entry.outcome !== 'invalid' && entry.outcome !== 'failed') continue;
      const covered = entry.outcome === 'failed' ? t.covered?.(entry) : undefined;
      const omit = covered && (!deadCsv || t.emptyMeans === 'skip') ? covered.columns : new Set<string>();
      const how =
        omit.size > 0
          ? `the others are ${deadCsv ? 'left empty' : 'left out'} here`
          : 'remove the others before re-sending';
      const error = covered ? `${entry.error ?? ''} (${covered.note}; ${how})` : (entry.error ?? '');
      const reason = entry.raw !== undefined ? `${error} (text: ${entry.raw})` : error;
      if (deadCsv) {
        const values = entry.values ?? {};
        dead.write(
          csvRow(
            deadColumns.map((c) =>
              c === '_error'
                ? reason
                : c === '_line'
                  ? entry.line
                  : Object.hasOwn(values, c) && !omit.has(c)
                    ? values[c]
                    : '',
            ),
          ),
        );
      } else {
        const row = dataRecord<unknown>();
        for (const [k, v] of Object.entries(entry.values ?? {}))
          if (!META_COLUMNS.includes(k) && !omit.has(k)) row[k] = v;
        row._error = error;
        row._line = entry.line;
        if (entry.raw !== undefined) row._raw = entry.raw;
        dead.write(`${JSON.stringify(row)}\n`);
      }
    }
    results.commit();
    dead.commit();
  } catch (e) {
    results.abort();
    dead.abort();
    throw e;
  }
  return summary;
}
