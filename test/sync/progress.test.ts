import { createLogger } from '../../src/sync/log';
import { createProgress, type ProgressReporter, type ProgressSnapshot } from '../../src/sync/progress';
import { RunProgress } from '../../src/sync/pipeline/context';
import { emptyCounts } from '../../src/sync/output/render-outputs';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = {
    isTTY,
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

const snap = (processed: number, bytesRead: number): ProgressSnapshot => ({
  processed,
  skipped: 0,
  invalid: 2,
  failed: 1,
  bytesRead,
  totalBytes: 1000,
});

describe('progress', () => {
  it('on a TTY (auto): redraws one line with records, rate and ETA', () => {
    const stream = fakeStream(true);
    let t = 0;
    const progress = createProgress('auto', createLogger('text', { write: () => undefined }), {
      stream,
      now: () => t,
    });
    t = 10_000;
    progress.update(snap(100, 250));
    expect(stream.text).toBe(
      '\r\x1b[K[######------------------] 25% 100 records (0 skipped, 2 invalid, 1 failed) 10.0/s ETA 0m30s',
    );
    progress.clear();
    expect(stream.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('otherwise (auto): a progress log line per interval, nothing in between', () => {
    const lines: string[] = [];
    let t = 0;
    const log = createLogger('json', { write: (l) => lines.push(l) });
    const progress = createProgress('auto', log, {
      stream: fakeStream(false),
      intervalMs: 30_000,
      now: () => t,
    });
    t = 10_000;
    progress.update(snap(10, 100));
    expect(lines).toHaveLength(0);
    t = 30_000;
    progress.update(snap(30, 500));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      msg: 'progress',
      processed: 30,
      invalid: 2,
      failed: 1,
      percent: 50,
      ratePerSec: 1,
      eta: '0m30s',
    });
  });

  it('none: silent', () => {
    const stream = fakeStream(true);
    const lines: string[] = [];
    let t = 0;
    const progress = createProgress('none', createLogger('text', { write: (l) => lines.push(l) }), {
      stream,
      now: () => t,
    });
    t = 100_000;
    progress.update(snap(1, 1));
    progress.stop(snap(1, 1));
    expect(stream.text + lines.join('')).toBe('');
  });
});

describe('logger', () => {
  it('text: time, level, message, key=value (quoted when needed); json: one object per line', () => {
    const out: string[] = [];
    createLogger('text', { write: (l) => out.push(l) }).warn('invalid record', {
      line: 3,
      error: 'bad email',
      key: 'K1',
    });
    expect(out[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z WARN {2}invalid record line=3 error="bad email" key=K1\n$/);
    createLogger('json', { write: (l) => out.push(l) }).info('hello', { n: 1 });
    expect(JSON.parse(out[1])).toMatchObject({ level: 'info', msg: 'hello', n: 1 });
  });

  it('drops messages below its level', () => {
    const out: string[] = [];
    const log = createLogger('text', { level: 'warn', write: (l) => out.push(l) });
    log.debug('d');
    log.info('i');
    log.error('e');
    expect(out).toHaveLength(1);
  });

  it("the run's snapshot counts invalid and failed records apart (failed never includes invalid)", () => {
    const counts = {
      ...emptyCounts(),
      skippedByJournal: 4,
      otherShards: 0,
      notAttempted: 0,
      confirmedOnResume: 0,
    };
    const seen: ProgressSnapshot[] = [];
    const reporter: ProgressReporter = {
      update: (s) => seen.push(s),
      clear: () => undefined,
      stop: () => undefined,
    };
    const progress = new RunProgress(counts, { bytesRead: 10 }, 100, reporter);
    counts.invalid = 3;
    counts.failed = 2;
    counts.updated = 5;
    for (let i = 0; i < 10; i++) progress.recordFinished();
    expect(seen.at(-1)).toEqual({
      processed: 14,
      skipped: 4,
      invalid: 3,
      failed: 2,
      bytesRead: 10,
      totalBytes: 100,
    });
  });
});
