import type { CliSettings } from '../args';
import { flagSpec } from '../flags';
import type { SyncReport } from '../sync-types';
import { describeChange } from './render-outputs';

/**
 * Characters JSON.stringify leaves as they are but a terminal may act on: C1 controls (U+009B is
 * an 8-bit CSI), line and paragraph separators, and bidirectional overrides (text that reads other
 * than it is). Shown as JSON escapes, which is still how a JSON reader would take the value.
 */
const TERMINAL_UNSAFE = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function keyText(key: string): string {
  return /^[\x21-\x7e]+$/.test(key) ? key : JSON.stringify(key);
}

/**
 * The `--show-changes` block: the report's changes field by field, at most `limit` lines, in input
 * order, with values exactly as the results file writes them (JSON), then where the rest are.
 * `redact` scrubs secrets out of each line (a secret key pasted into an export must not reach the
 * terminal or a cron mail). Empty when there is nothing to show.
 */
export function renderChanges(report: SyncReport, limit: number, redact: (text: string) => string): string {
  const total = report.changes.length + report.changesOmitted;
  if (limit <= 0 || total === 0) return '';
  const shown = [...report.changes].sort((a, b) => a.line - b.line).slice(0, limit);
  const what = report.dryRun ? 'planned changes (dry run: nothing was written)' : 'changes applied';
  const lines = [`${what}: ${total} field${total === 1 ? '' : 's'}`];
  for (const c of shown) {
    lines.push(`  line ${c.line} ${keyText(c.key)}: ${describeChange(c)}`);
  }
  const rest = total - shown.length;
  if (rest > 0) lines.push(`  … ${rest} more in ${report.files.results}`);
  return `${lines.map((l) => terminalSafe(redact(l))).join('\n')}\n`;
}

/**
 * How many change lines `--show-changes` prints. `auto` (no flag): the flag's bare value (20) when
 * stdout is a terminal, none otherwise: a cron job's mail or a CI log gets the summary and the
 * paths, not a diff of the night, unless the job asks for one (`--show-changes=50`).
 */
export function changeLines(setting: CliSettings['showChanges'], stdoutIsTTY: boolean): number {
  if (setting === 'all') return Number.MAX_SAFE_INTEGER;
  if (setting === 'auto') return stdoutIsTTY ? Number(flagSpec('show-changes').bareValue) : 0;
  return setting;
}
