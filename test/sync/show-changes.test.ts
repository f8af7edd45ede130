import { changeLines, renderChanges } from '../../src/sync/output/show-changes';
import type { SyncReport } from '../../src/sync/sync-types';

type Change = SyncReport['changes'][number];

function reportWith(changes: Change[], extra: Partial<SyncReport> = {}): SyncReport {
  return {
    dryRun: true,
    changes,
    changesOmitted: 0,
    files: { journal: 'j', results: '/out/dry-run.results.ndjson', deadLetter: 'd', report: 'r' },
    ...extra,
  } as SyncReport;
}

const change = (
  line: number,
  field: string,
  from: string | null,
  to: string | null,
  key = 'CRM-1',
): Change => ({
  line,
  key,
  outcome: 'planned',
  field,
  from,
  to,
});

const none = (t: string): string => t;

describe('--show-changes output', () => {
  it('lists changes in input order, values as the results file writes them (JSON)', () => {
    const text = renderChanges(
      reportWith([
        change(7, 'City', 'Oslo', 'Bergen'),
        change(3, 'Fax', '+47 1', null),
        change(3, 'Zip', null, '0150'),
      ]),
      20,
      none,
    );
    expect(text).toBe(
      [
        'planned changes (dry run: nothing was written): 3 fields',
        '  line 3 CRM-1: Fax: "+47 1" → null',
        '  line 3 CRM-1: Zip: null → "0150"',
        '  line 7 CRM-1: City: "Oslo" → "Bergen"',
        '',
      ].join('\n'),
    );
  });

  it('stops at N lines and says how many more there are and where', () => {
    const many = Array.from({ length: 30 }, (_, i) => change(i + 2, 'Phone', 'a', `b${i}`));
    const lines = renderChanges(reportWith(many, { changesOmitted: 5 }), 20, none)
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines[0]).toBe('planned changes (dry run: nothing was written): 35 fields');
    expect(lines[21]).toBe('  … 15 more in /out/dry-run.results.ndjson');
    const applied = renderChanges(reportWith(many.slice(0, 1), { dryRun: false }), 20, none);
    expect(applied.split('\n')[0]).toBe('changes applied: 1 field');
  });

  it('nothing at all for 0 lines or no changes', () => {
    expect(renderChanges(reportWith([change(2, 'City', 'a', 'b')]), 0, none)).toBe('');
    expect(renderChanges(reportWith([]), 20, none)).toBe('');
  });

  it('never a secret, and nothing a terminal would act on (escapes, C1 controls, bidi overrides)', () => {
    const secret = 'S3cr"et\\key';
    const redact = (t: string): string =>
      t.split(secret).join('[REDACTED]').split(JSON.stringify(secret).slice(1, -1)).join('[REDACTED]');
    const text = renderChanges(
      reportWith([
        change(2, 'City', 'Paris', secret),
        change(3, 'Company', 'ACME', '\u001b[31mred\u009b2J'),
        change(4, 'LastName', 'Smith', 'evil\u202ehtap'),
        change(5, 'City', 'x', 'y', 'key with\nnewline'),
      ]),
      20,
      redact,
    );
    expect(text).not.toContain('S3cr');
    expect(text).toContain('City: "Paris" → "[REDACTED]"');
    expect(text).toContain('"\\u001b[31mred\\u009b2J"');
    expect(text).toContain('"evil\\u202ehtap"');
    expect(text).toContain('line 5 "key with\\nnewline": City');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('default: 20 lines on a terminal, none otherwise (a cron mail gets no diff unless it asks)', () => {
    expect(changeLines('auto', true)).toBe(20);
    expect(changeLines('auto', false)).toBe(0);
    expect(changeLines(50, false)).toBe(50);
    expect(changeLines(0, true)).toBe(0);
    expect(changeLines('all', false)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
