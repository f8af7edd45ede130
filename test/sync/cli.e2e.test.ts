import fs from 'node:fs';
import path from 'node:path';
import { createTwoCheckoutClient } from '../../src';
import { cliEnv, readNdjson, runCli } from './harness';
import { customersByRef, startTestSandbox, stateDiff, updateCalls } from './sandbox-fixtures';
import { useCliWorkspace } from './cli-workspace';

// The compiled CLI against a real sandbox over HTTP: exit codes, files and the sandbox's state.
describe('twocheckout-sync end to end', () => {
  const ws = useCliWorkspace();
  const { write, run } = ws;

  const CSV = [
    'ExternalCustomerReference,FirstName,Email,Phone,City,Fax',
    'CRM-0001,Ada,ada@example.com,,London,', // unchanged
    'CRM-0002,Grace,grace.hopper@example.com,+1 703 555 0199,,', // Email + Phone
    'CRM-0004,,,,Göteborg,', // City
    'CRM-0008,,,,,\\N', // clears Fax
    'CRM-0006,,not-an-email,,,', // invalid: never sent
    'CRM-9999,,,+1 000,,', // no such customer: failed
    '',
  ].join('\n');

  it('applies exactly the expected changes, reports every record, dead-letters the rest (exit 1)', async () => {
    const before = customersByRef(ws.sandbox);
    const input = write('customers.csv', CSV);
    const res = await run([input, '--out-dir', 'out']);
    expect(res.stderr).toMatch(/completed-with-errors \(exit 1\)/);
    expect(res.code).toBe(1);

    expect(stateDiff(before, customersByRef(ws.sandbox))).toEqual({
      1002: {
        Email: ['grace@example.com', 'grace.hopper@example.com'],
        Phone: ['+1 703 555 0100', '+1 703 555 0199'],
      },
      1004: { City: ['Stockholm', 'Göteborg'] },
      1008: { Fax: ['+49 30 000001', null] },
    });
    expect(updateCalls(ws.sandbox)).toBe(3);

    const results = readNdjson(path.join(ws.dir, 'out', 'results.ndjson'));
    const byLine = Object.fromEntries(results.map((r) => [r.line, r]));
    expect(Object.keys(byLine).map(Number).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(byLine[2]).toMatchObject({ key: 'CRM-0001', outcome: 'unchanged', reference: 1001 });
    expect(byLine[3]).toMatchObject({
      key: 'CRM-0002',
      outcome: 'updated',
      changes: [
        { field: 'Email', from: 'grace@example.com', to: 'grace.hopper@example.com' },
        { field: 'Phone', from: '+1 703 555 0100', to: '+1 703 555 0199' },
      ],
    });
    expect(byLine[6]).toMatchObject({
      key: 'CRM-0006',
      outcome: 'invalid',
      error: expect.stringMatching(/Email/),
    });
    expect(byLine[7]).toMatchObject({ key: 'CRM-9999', outcome: 'failed', errorKind: 'not-found' });

    const report = JSON.parse(fs.readFileSync(path.join(ws.dir, 'out', 'report.json'), 'utf8'));
    expect(report).toMatchObject({
      status: 'completed-with-errors',
      exitCode: 1,
      counts: { updated: 3, unchanged: 1, invalid: 1, failed: 1, skippedByJournal: 0 },
      totals: { updated: 3, unchanged: 1, invalid: 1, failed: 1 },
      client: { logins: 1 },
    });
    expect(report.client.calls).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(report)).not.toContain('DEMO_SECRET_KEY');
    expect(res.stderr).not.toContain('DEMO_SECRET_KEY');

    // The dead-letter file is the input's format, with the reason, and is itself valid input.
    const deadFile = path.join(ws.dir, 'out', 'dead-letter.csv');
    const dead = fs.readFileSync(deadFile, 'utf8').trim().split(/\r?\n/);
    expect(dead[0]).toBe('ExternalCustomerReference,FirstName,Email,Phone,City,Fax,_error,_line');
    expect(dead).toHaveLength(3);
    expect(dead[1]).toMatch(/^CRM-0006,,not-an-email,,,,.*Email.*,6$/);
    expect(dead[2]).toMatch(/^CRM-9999,.*,7$/);
    const fixed = write(
      'fixed.csv',
      fs.readFileSync(deadFile, 'utf8').replace('not-an-email', 'tanaka@example.jp'),
    );
    const retry = await run([fixed, '--out-dir', 'retry']);
    expect(retry.code).toBe(1); // CRM-9999 still does not exist
    expect(customersByRef(ws.sandbox).get(1006)?.Email).toBe('tanaka@example.jp');
    const retried = readNdjson(path.join(ws.dir, 'retry', 'results.ndjson'));
    expect(retried.map((r) => [r.key, r.outcome]).sort()).toEqual([
      ['CRM-0006', 'updated'],
      ['CRM-9999', 'failed'],
    ]);
  });

  it('exits 0 when every record is done, and a rerun skips everything through the journal', async () => {
    const input = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Cambridge\nCRM-0002,Arlington\n');
    const first = await run([input]);
    expect(first.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1001)?.City).toBe('Cambridge');
    const callsBefore = ws.sandbox.stats().calls;
    const again = await run([input]);
    expect(again.code).toBe(0);
    expect(ws.sandbox.stats().calls).toBe(callsBefore); // nothing sent at all, not even a login
    const report = JSON.parse(fs.readFileSync(path.join(ws.dir, 'sync-out', 'ok', 'report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ skippedByJournal: 2, updated: 0, unchanged: 0 });
    expect(report.totals).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('--dry-run writes nothing and lists every planned change, old → new', async () => {
    const before = customersByRef(ws.sandbox);
    const input = write('customers.csv', CSV);
    const res = await run([input, '--dry-run', '--results', 'planned.csv']);
    expect(res.code).toBe(1);
    expect(updateCalls(ws.sandbox)).toBe(0);
    expect(stateDiff(before, customersByRef(ws.sandbox))).toEqual({});
    const planned = fs.readFileSync(path.join(ws.dir, 'planned.csv'), 'utf8');
    expect(planned).toContain('line,key,outcome,reference,changed_fields,changes,error');
    expect(planned).toContain(
      '3,CRM-0002,planned,1002,Email;Phone,"Email: ""grace@example.com"" → ""grace.hopper@example.com""; Phone: ""+1 703 555 0100"" → ""+1 703 555 0199"""',
    );
    expect(planned).toContain('5,CRM-0008,planned,1008,Fax,"Fax: ""+49 30 000001"" → null"');
    const report = JSON.parse(
      fs.readFileSync(path.join(ws.dir, 'sync-out', 'customers', 'dry-run.report.json'), 'utf8'),
    );
    expect(report).toMatchObject({ dryRun: true, counts: { planned: 3, unchanged: 1, updated: 0 } });
    expect(report.changes).toHaveLength(4);
    // A dry run leaves no trace in the real journal: a real run afterwards applies everything.
    expect(fs.existsSync(path.join(ws.dir, 'sync-out', 'customers', 'journal.ndjson'))).toBe(false);
    const real = await run([input]);
    expect(real.code).toBe(1);
    expect(updateCalls(ws.sandbox)).toBe(3);
  });

  it('reads a BOM-prefixed CSV with mapped column names, and JSON Lines', async () => {
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Kunde,Mail,Notiz\r\nCRM-0003,zoe@example.org,ignored\r\n', 'utf8'),
    ]);
    const input = write('crm.csv', bom);
    const res = await run([input, '--map', 'Kunde=ExternalCustomerReference,Mail=Email', '--map', 'Notiz=']);
    expect(res.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1003)?.Email).toBe('zoe@example.org');

    const jsonl = write(
      'c.jsonl',
      '{"AvangateCustomerReference":1005,"Phone":"+353 1 000"}\n{"AvangateCustomerReference":"1009","Company":"Popescu SRL"}\n',
    );
    const j = await run([jsonl]);
    expect(j.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1005)?.Phone).toBe('+353 1 000');
    expect(customersByRef(ws.sandbox).get(1009)?.Company).toBe('Popescu SRL');
  });

  it('--update-end-user-subscriptions, --verify and --max-rps reach the service', async () => {
    const client = createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: 'DEMO_SECRET_KEY',
      url: ws.sandbox.url,
    });
    const endUserEmails = async (ref: number) =>
      (
        await client.call('getCustomerSubscriptions', {
          AvangateCustomerReference: ref,
          ExternalCustomerReference: null,
        } as never)
      ).map((sub: { EndUser: { Email: string | null } | null }) => sub.EndUser?.Email);
    try {
      const plain = write('plain.csv', 'ExternalCustomerReference,Email\nCRM-0001,ada.l@example.com\n');
      expect((await run([plain])).code).toBe(0);
      expect(await endUserEmails(1001)).toEqual(['ada@example.com', 'ada@example.com']);

      const reads = () => ws.sandbox.stats().operations.getCustomerInformation?.calls ?? 0;
      const readsBefore = reads();
      const input = write(
        'subs.csv',
        'ExternalCustomerReference,Email\nCRM-0004,linus.berg@example.se\nCRM-0002,grace@example.com\n',
      );
      const res = await run([input, '--update-end-user-subscriptions', '--verify', '--max-rps', '50']);
      expect(res.code).toBe(0);
      expect(await endUserEmails(1004)).toEqual(['linus.berg@example.se']);
      // One read per record, plus the verify read of the one that changed.
      expect(reads() - readsBefore).toBe(3);
      const report = JSON.parse(
        fs.readFileSync(path.join(ws.dir, 'sync-out', 'subs', 'report.json'), 'utf8'),
      );
      expect(report.options).toMatchObject({ updateEndUserSubscriptions: true, verify: true, maxRps: 50 });
      expect(report.counts).toMatchObject({ updated: 1, unchanged: 1 });
    } finally {
      await client.close();
    }
  });

  it('JSON Lines: bad lines are per-record errors; the dead letter is JSON Lines with _error and is valid input', async () => {
    const input = write(
      'c.jsonl',
      [
        '{"ExternalCustomerReference":"CRM-0002","City":"Boston"}',
        '{"ExternalCustomerReference":"CRM-0003",',
        '{"ExternalCustomerReference":"CRM-0004","CountryCode":"Sweden"}',
        '',
      ].join('\n'),
    );
    const res = await run([input]);
    expect(res.code).toBe(1);
    expect(customersByRef(ws.sandbox).get(1002)?.City).toBe('Boston');
    const deadFile = path.join(ws.dir, 'sync-out', 'c', 'dead-letter.jsonl');
    const dead = readNdjson(deadFile);
    expect(dead).toEqual([
      expect.objectContaining({
        _line: 2,
        _error: expect.stringMatching(/^invalid JSON/),
        _raw: '{"ExternalCustomerReference":"CRM-0003",',
      }),
      expect.objectContaining({
        ExternalCustomerReference: 'CRM-0004',
        CountryCode: 'Sweden',
        _line: 3,
        _error: expect.stringMatching(/CountryCode/),
      }),
    ]);
    fs.writeFileSync(deadFile, fs.readFileSync(deadFile, 'utf8').replace('"Sweden"', '"SE"'));
    const again = await run([deadFile, '--out-dir', 'again']);
    expect(again.code).toBe(1); // the unreadable line stays unreadable (it has no key)
    expect(customersByRef(ws.sandbox).get(1004)?.CountryCode).toBe('se');
  });

  it('exit 2 with a clear message: unknown columns, unreadable input, bad credentials, bad flags', async () => {
    const unknown = write('u.csv', 'ExternalCustomerReference,Emial,Enabled\nCRM-0001,a@b.co,true\n');
    const u = await run([unknown]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/"Emial" is not a Customer field/);
    expect(u.stderr).toMatch(/"Enabled" feeds Enabled, which is read-only/);

    const missing = await run([path.join(ws.dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the input file .*nope\.csv: no such file/);

    const input = write('ok.csv', 'ExternalCustomerReference,City\nCRM-0001,Oxford\n');
    const auth = await run([input], { TWOCHECKOUT_SECRET_KEY: 'WRONG_SECRET_canary' });
    expect(auth.code).toBe(2);
    expect(auth.stderr).toMatch(/fatal/i);
    expect(auth.stderr).not.toContain('WRONG_SECRET_canary');
    expect(customersByRef(ws.sandbox).get(1001)?.City).toBe('London');
    const report = JSON.parse(fs.readFileSync(path.join(ws.dir, 'sync-out', 'ok', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ status: 'fatal', exitCode: 2, fatal: { kind: 'authentication' } });
    expect(report.fatal.message).toMatch(/run `twocheckout-sync doctor` for the likely causes/);
    // The record was not journaled: the next run (with the right key) does it.
    const fixedRun = await run([input]);
    expect(fixedRun.code).toBe(0);
    expect(customersByRef(ws.sandbox).get(1001)?.City).toBe('Oxford');

    const noCreds = await run([input], { TWOCHECKOUT_MERCHANT_CODE: '' });
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toMatch(/TWOCHECKOUT_MERCHANT_CODE/);

    const flag = await run([input, '--concurrency', 'lots']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--concurrency must be a whole number/);
  });

  it.each(['zeros.csv', 'zeros.jsonl'])(
    'a 2 GB sparse file of NULs (%s) fails fast: exit 2, nothing sent',
    async (name) => {
      const file = path.join(ws.dir, name);
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 2 * 1024 ** 3); // sparse: takes no disk space
      const res = await run([file]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/the first 4 MiB of the (JSON Lines )?file hold no readable record/);
      expect(ws.sandbox.stats().calls).toBe(0);
    },
  );

  it('an outage: failures that may pass later stop the run after N in a row (exit 2), the rerun retries them', async () => {
    const down = await startTestSandbox({
      faults: { http503Rate: 1, timing: 'before', operations: ['updateCustomerInformation'], seed: 3 },
    });
    try {
      const rows = ['CRM-0001', 'CRM-0002', 'CRM-0003', 'CRM-0004', 'CRM-0006', 'CRM-0007'].map(
        (k) => `${k},Townsville`,
      );
      const input = write('out.csv', `ExternalCustomerReference,City\n${rows.join('\n')}\n`);
      const env = cliEnv(down.url, ws.dir);
      const stopped = await runCli(
        [input, '--concurrency', '1', '--max-consecutive-failures', '3'],
        env,
        ws.dir,
      );
      expect(stopped.code).toBe(2);
      expect(stopped.stderr).toMatch(/3 records in a row failed.*the service looks unavailable/);
      const report = JSON.parse(fs.readFileSync(path.join(ws.dir, 'sync-out', 'out', 'report.json'), 'utf8'));
      expect(report).toMatchObject({
        status: 'fatal',
        fatal: { kind: 'unavailable' },
        counts: { failed: 3 },
      });
      const results = readNdjson(path.join(ws.dir, 'sync-out', 'out', 'results.ndjson'));
      expect(results.map((r) => [r.outcome, r.errorKind])).toEqual([
        ['failed', 'transient'],
        ['failed', 'transient'],
        ['failed', 'transient'],
      ]);

      // Service back (the healthy ws.sandbox): the same command retries the failed records and finishes.
      const back = await run([input]);
      expect(back.code).toBe(0);
      const state = customersByRef(ws.sandbox);
      for (const ref of [1001, 1002, 1003, 1004, 1006, 1007]) expect(state.get(ref)?.City).toBe('Townsville');
      expect(updateCalls(ws.sandbox)).toBe(6);
    } finally {
      await down.stop();
    }
  });

  it('--shard i/n: the shards together process every record exactly once, keys never split', async () => {
    const rows = ['ExternalCustomerReference,Phone'];
    const keys = [
      'CRM-0001',
      'CRM-0002',
      'CRM-0003',
      'CRM-0004',
      'CRM-0006',
      'CRM-0007',
      'CRM-0008',
      'CRM-0010',
    ];
    keys.forEach((k, i) => rows.push(`${k},+1 555 ${1000 + i}`, `${k},+1 555 ${2000 + i}`));
    const input = write('all.csv', `${rows.join('\n')}\n`);
    const seen: { line: number; key: string; shard: number }[] = [];
    for (const shard of [1, 2, 3]) {
      const res = await run([input, '--shard', `${shard}/3`]);
      expect(res.code).toBe(0);
      const file = path.join(ws.dir, 'sync-out', 'all', `results.shard-${shard}-of-3.ndjson`);
      for (const r of readNdjson(file)) seen.push({ line: r.line as number, key: r.key as string, shard });
    }
    expect(seen.map((s) => s.line).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 2),
    );
    for (const key of keys)
      expect(new Set(seen.filter((s) => s.key === key).map((s) => s.shard)).size).toBe(1);
    // Records of one key applied in order: the second value wins.
    const state = customersByRef(ws.sandbox);
    expect(state.get(1001)?.Phone).toBe('+1 555 2000');
    expect(state.get(1010)?.Phone).toBe('+1 555 2007');
  });
});
