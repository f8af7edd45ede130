// The doctor's findings as data, and their two renderings: text for an operator, JSON for machines.
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export type CheckId = 'configuration' | 'reachable' | 'tls' | 'wsdl' | 'clock' | 'login' | 'customer';

export type CauseId = 'wrong-secret' | 'hash-algorithm' | 'clock-skew' | 'ip-allow-list';

/** One likely cause of a refused login, with what the doctor saw and what the operator should check. */
export interface Cause {
  id: CauseId;
  title: string;
  likelihood: 'likely' | 'possible' | 'unlikely';
  /** What the doctor measured or observed. */
  evidence: string;
  /** What to check or change. */
  check: string;
}

export interface Check {
  id: CheckId;
  status: CheckStatus;
  summary: string;
  /** Further lines (differences, certificate facts, hints). */
  details: string[];
  /** Machine-readable facts (JSON only). */
  data?: Record<string, unknown>;
  /** Login only: the causes, in the order to check them. */
  causes?: Cause[];
}

export interface DoctorReport {
  ok: boolean;
  exitCode: 0 | 2;
  url?: string;
  merchantCode?: string;
  hashAlgorithm?: string;
  checks: Check[];
}

const LABEL: Record<CheckStatus, string> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' };
const WIDTH = 100;
const ID_WIDTH = 14;
/** Where a check's summary starts: `  FAIL  configuration  …`. */
const TEXT_COLUMN = 2 + 4 + 2 + ID_WIDTH;

/** Word-wraps `text` to WIDTH, the first line after `first`, the others indented by `indent`. */
function wrap(first: string, text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function renderText(report: DoctorReport): string {
  const lines: string[] = [];
  const target =
    report.url !== undefined
      ? `${report.url}${report.merchantCode !== undefined ? ` as merchant ${report.merchantCode}` : ''}` +
        `${report.hashAlgorithm !== undefined ? ` (login hash ${report.hashAlgorithm})` : ''}`
      : '(no configuration)';
  lines.push(`twocheckout-sync doctor: ${target}`);
  const pad = (n: number): string => ' '.repeat(n);
  for (const check of report.checks) {
    lines.push(...wrap(`  ${LABEL[check.status]}  ${check.id.padEnd(ID_WIDTH)}`, check.summary, TEXT_COLUMN));
    for (const d of check.details) lines.push(...wrap(pad(TEXT_COLUMN), d, TEXT_COLUMN + 2));
    if (check.causes && check.causes.length > 0) {
      lines.push(`${pad(TEXT_COLUMN)}Likely causes, in the order to check them:`);
      check.causes.forEach((c, i) => {
        lines.push(`${pad(TEXT_COLUMN)}${i + 1}. ${c.title} [${c.likelihood}]`);
        lines.push(...wrap(`${pad(TEXT_COLUMN + 3)}seen:  `, c.evidence, TEXT_COLUMN + 10));
        lines.push(...wrap(`${pad(TEXT_COLUMN + 3)}check: `, c.check, TEXT_COLUMN + 10));
      });
    }
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  lines.push(
    failed > 0
      ? `doctor: ${failed} check${failed === 1 ? '' : 's'} failed (exit 2)`
      : `doctor: all checks passed${warned > 0 ? ` (${warned} warning${warned === 1 ? '' : 's'})` : ''} (exit 0)`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function finish(report: Omit<DoctorReport, 'ok' | 'exitCode'>): DoctorReport {
  const ok = !report.checks.some((c) => c.status === 'fail');
  return { ok, exitCode: ok ? 0 : 2, ...report };
}
