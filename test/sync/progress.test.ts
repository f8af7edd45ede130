import { createLogger } from '../../src/sync/log';
import { createProgress, type ProgressSnapshot } from '../../src/sync/progress';

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
      '\r\x1b[K[######------------------] 25% 100 records (0 skipped, 1 failed) 10.0/s ETA 0m30s',
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
});
