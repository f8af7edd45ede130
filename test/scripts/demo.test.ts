// `npm run demo` is the README's first command: it must work, and say each thing once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DEMO = path.resolve(__dirname, '../../scripts/demo.js');

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

// Run twice in one directory: the second demo finds the first one's journal and sync state (each
// demo's sandbox starts afresh from its seed) and must still apply and show the same changes.
test.each([1, 2])(
  'the demo runs the sync against the sandbox and prints the counts, changes and paths once (run %i)',
  (runs) => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    try {
      let out = spawnSync(process.execPath, [DEMO], { cwd, encoding: 'utf8', timeout: 120_000 });
      for (let i = 1; i < runs; i++)
        out = spawnSync(process.execPath, [DEMO], { cwd, encoding: 'utf8', timeout: 120_000 });
      const all = `${out.stdout}${out.stderr}`;
      expect({ status: out.status, all }).toEqual({ status: 0, all: expect.stringContaining('demo: OK.') });
      const dir = fs.realpathSync(path.join(cwd, 'sync-out', 'demo'));
      for (const file of ['report.json', 'results.ndjson', 'dead-letter.csv']) {
        expect(fs.existsSync(path.join(dir, file))).toBe(true);
        expect([file, count(all, `${file}`)]).toEqual([file, 1]);
      }
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
        client: { calls: number };
        changes: { line: number; key: string; field: string }[];
      };
      expect(count(all, `calls ${report.client.calls},`)).toBe(1);
      expect(report.changes.length).toBeGreaterThan(0);
      for (const c of report.changes) expect(count(all, `line ${c.line} ${c.key}: ${c.field} `)).toBe(1);
      expect(all).not.toContain('run finished');
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  },
);
