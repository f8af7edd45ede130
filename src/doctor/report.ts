// The doctor's findings as data, and their two renderings: text for an operator, JSON for machines.
/** A check's verdict: `fail` makes the doctor exit 2; `skip` when an earlier check failed. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** The checks, in the order they run. */
export type CheckId = 'configuration' | 'reachable' | 'tls' | 'wsdl' | 'clock' | 'login' | 'customer';

/** The causes of a refused login, in the order to check them. */
export type CauseId = 'wrong-secret' | 'hash-algorithm' | 'clock-skew' | 'ip-allow-list';

/** One likely cause of a refused login, with what the doctor saw and what the operator should check. */
export interface Cause {
  /** Which cause. */
  id: CauseId;
  /** One line naming the cause. */
  title: string;
  /** How well what the doctor saw fits this cause. */
  likelihood: 'likely' | 'possible' | 'unlikely';
  /** What the doctor measured or observed. */
  evidence: string;
  /** What to check or change. */
  check: string;
}

/** One check's result. */
export interface Check {
  /** Which check. */
  id: CheckId;
  /** Its verdict. */
  status: CheckStatus;
  /** One line for the operator (never a secret, hash or session ID). */
  summary: string;
  /** Further lines (differences, certificate facts, hints). */
  details: string[];
  /** Machine-readable facts (JSON only). */
  data?: Record<string, unknown>;
  /** Login only: the causes, in the order to check them. */
  causes?: Cause[];
}

/** What `twocheckout-sync doctor` found (`--json` prints this object). */
export interface DoctorReport {
  /** True when no check failed (warnings allowed). */
  ok: boolean;
  /** 0 when ok, 2 otherwise. */
  exitCode: 0 | 2;
  /** The service URL checked, when the configuration could be read. */
  url?: string;
  /** The merchant code from the configuration. */
  merchantCode?: string;
  /** The login hash algorithm configured. */
  hashAlgorithm?: string;
  /** Every check, in the order run. */
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
