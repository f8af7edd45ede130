// The bad-input corpus: every case in cases/<NN-name>/ is an input file plus expected.json. Each is
// run through the compiled sync CLI against one sandbox; the test checks the exit code, the message,
// that invalid records never reached the service (their customers are unchanged), that valid ones
// were applied intact, and that stderr never shows a stack trace or a secret.
import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox, SeedData } from '../../src/sandbox';
import { cliEnv, readNdjson, runCli, type CliResult } from '../sync/harness';
import { requireBuiltCli, startTestSandbox, type CustomerRow } from '../sync/sandbox-fixtures';
import { makeTmpDir, removeDir } from '../sync/tmp-dir';

interface Expected {
  description: string;
  args: string[];
  exitCode: 0 | 1 | 2;
  fatal: boolean;
  /** Fragments that must appear in stderr (or, for quoted text, in the results' errors). */
  messages: string[];
  /** Input lines reported as invalid (outcome "invalid"). */
  invalidLines: number[];
  /** Keys reported as failed (outcome "failed"). */
  failedKeys: string[];
  /** Customers that must be exactly as seeded afterwards. */
  untouchedKeys: string[];
  /** Customers and the field values they must have afterwards. */
  applied: Record<string, Record<string, unknown>>;
}

interface ResultLine {
  line: number;
  key: string;
  outcome: string;
  error?: string;
}

interface Outcome {
  name: string;
  expected: Expected;
  cli: CliResult;
  results: ResultLine[];
  report: { counts: Record<string, number> } | null;
  deadLetter: string | null;
}

const CASES_DIR = path.join(__dirname, 'cases');
const CASES = fs.readdirSync(CASES_DIR).sort();
const PARALLEL = 4;
const corpusKey = (n: number): string => `CORPUS-${String(n).padStart(3, '0')}`;

/** CORPUS-001…CORPUS-060 on the DEMO merchant: each case touches its own keys only. */
function corpusSeed(): NonNullable<SeedData['merchants'][number]['customers']> {
  return Array.from({ length: 60 }, (_, i) => ({
    AvangateCustomerReference: 7001 + i,
    ExternalCustomerReference: corpusKey(i + 1),
    FirstName: `F${i + 1}`,
    LastName: `L${i + 1}`,
    Address1: '1 St',
    City: 'Town',
    Zip: '111',
    CountryCode: 'us',
    Email: `orig${i + 1}@example.com`,
    Language: 'en',
  }));
}

function byExternalKey(sandbox: Sandbox): Map<string, CustomerRow> {
  return new Map((sandbox.customers('DEMO') ?? []).map((c) => [c.ExternalCustomerReference as string, c]));
}

async function runCase(name: string, url: string, work: string): Promise<Outcome> {
  const dir = path.join(CASES_DIR, name);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const input = fs.readdirSync(dir).find((f) => f.startsWith('input.'));
  if (!input) throw new Error(`case ${name} has no input.* file`);
  const out = path.join(work, name);
  fs.mkdirSync(out);
  const cli = await runCli(
    [path.join(dir, input), '--out-dir', out, ...expected.args],
    cliEnv(url, out),
    out,
  );
  const file = (f: string): string => path.join(out, f);
  const deadLetterFile = ['dead-letter.csv', 'dead-letter.jsonl'].map(file).find((f) => fs.existsSync(f));
  return {
    name,
    expected,
    cli,
    results: fs.existsSync(file('results.ndjson')) ? readNdjson<ResultLine>(file('results.ndjson')) : [],
    report: fs.existsSync(file('report.json'))
      ? (JSON.parse(fs.readFileSync(file('report.json'), 'utf8')) as Outcome['report'])
      : null,
    deadLetter: deadLetterFile ? fs.readFileSync(deadLetterFile, 'utf8') : null,
  };
}

describe('bad-input corpus through the sync CLI', () => {
  let sandbox: Sandbox;
  let work: string;
  let seeded: Map<string, CustomerRow>;
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    requireBuiltCli();
    work = makeTmpDir('bad-input-');
    sandbox = await startTestSandbox({
      seed: { merchants: [{ code: 'DEMO', secretKey: 'DEMO_SECRET_KEY', customers: corpusSeed() }] },
    });
    seeded = byExternalKey(sandbox);
    const queue = [...CASES];
    const worker = async (): Promise<void> => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        outcomes.set(name, await runCase(name, sandbox.url, work));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }, 120_000);

  afterAll(async () => {
    await sandbox?.stop();
    if (work) removeDir(work);
  });

  test('the corpus has at least 30 cases, each with an input and expected.json', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const name of CASES) expect(fs.existsSync(path.join(CASES_DIR, name, 'expected.json'))).toBe(true);
  });

  describe.each(CASES)('%s', (name) => {
    const get = (): Outcome => {
      const o = outcomes.get(name);
      if (!o) throw new Error(`case ${name} did not run`);
      return o;
    };

    test('exits with the expected code and a clear message', () => {
      const { cli, expected, results } = get();
      expect(cli.code).toBe(expected.exitCode);
      // The log quotes values, so a fragment with quotes is looked up in the results' error text too.
      const errors = results.map((r) => r.error ?? '').join('\n');
      for (const fragment of expected.messages)
        expect({ fragment, found: cli.stderr.includes(fragment) || errors.includes(fragment) }).toEqual({
          fragment,
          found: true,
        });
      if (expected.fatal) expect(cli.stderr).toMatch(/fatal/);
    });

    test('stderr shows no stack trace and no secret', () => {
      const { cli } = get();
      expect(cli.stderr).not.toMatch(/^\s{4}at /m);
      expect(cli.stderr + cli.stdout).not.toContain('DEMO_SECRET_KEY');
    });

    test('reports exactly the invalid lines and failed keys, and the counts agree', () => {
      const { results, report, expected, deadLetter } = get();
      const invalid = results.filter((r) => r.outcome === 'invalid').map((r) => r.line);
      const failed = results.filter((r) => r.outcome === 'failed').map((r) => r.key);
      expect(invalid.sort((a, b) => a - b)).toEqual(expected.invalidLines);
      expect(failed).toEqual(expected.failedKeys);
      for (const r of results.filter((x) => x.outcome === 'invalid' || x.outcome === 'failed'))
        expect(r.error).toEqual(expect.stringMatching(/\S/));
      if (expected.fatal) {
        expect(results.filter((r) => r.outcome === 'updated')).toEqual([]);
      } else {
        expect(report?.counts.invalid).toBe(expected.invalidLines.length);
        expect(report?.counts.failed).toBe(expected.failedKeys.length);
      }
      if (invalid.length + failed.length > 0) expect(deadLetter).toEqual(expect.stringMatching(/\S/));
    });

    test('invalid records changed nothing; valid ones were applied intact', () => {
      const { expected } = get();
      const now = byExternalKey(sandbox);
      for (const key of expected.untouchedKeys)
        expect({ key, row: now.get(key) }).toEqual({ key, row: seeded.get(key) });
      for (const [key, fields] of Object.entries(expected.applied)) {
        const row = now.get(key);
        expect({ key, ...Object.fromEntries(Object.keys(fields).map((f) => [f, row?.[f]])) }).toEqual({
          key,
          ...fields,
        });
      }
    });
  });
});
