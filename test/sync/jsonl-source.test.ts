import { readJsonl } from './input-helpers';

describe('JSON Lines input', () => {
  it('reads one object per line, skipping blank lines, with columns from the first record', async () => {
    const { columns, items } = await readJsonl(
      '{"ExternalCustomerReference":"CRM-1","Email":"a@b.co"}\n\n{"ExternalCustomerReference":"CRM-2","Phone":null}\r\n',
    );
    expect(columns).toEqual(['ExternalCustomerReference', 'Email']);
    expect(items).toEqual([
      {
        kind: 'record',
        ordinal: 1,
        line: 1,
        values: { ExternalCustomerReference: 'CRM-1', Email: 'a@b.co' },
      },
      { kind: 'record', ordinal: 2, line: 3, values: { ExternalCustomerReference: 'CRM-2', Phone: null } },
    ]);
  });

  it('makes bad JSON, non-objects, invalid UTF-8 and over-long lines per-record errors', async () => {
    const input = Buffer.concat([
      Buffer.from('{"A":1\n[1,2]\n'),
      Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
      Buffer.from(`{"A":"${'x'.repeat(2000)}"}\n{"A":2}\n`),
    ]);
    const { columns, items } = await readJsonl(input, 1024, 50);
    expect(columns).toEqual(['A']);
    expect(items.map((i) => [i.line, i.kind])).toEqual([
      [1, 'unreadable'],
      [2, 'unreadable'],
      [3, 'unreadable'],
      [4, 'unreadable'],
      [5, 'record'],
    ]);
    const messages = items.flatMap((i) => (i.kind === 'unreadable' ? [i.message] : []));
    expect(messages[0]).toMatch(/^invalid JSON/);
    expect(messages[1]).toMatch(/must be a JSON object/);
    expect(messages[2]).toMatch(/invalid UTF-8/);
    expect(messages[3]).toBe('line is longer than 1024 bytes');
  });

  it('drops a BOM', async () => {
    const { items } = await readJsonl(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"A":"b"}\n')]),
    );
    expect(items).toEqual([{ kind: 'record', ordinal: 1, line: 1, values: { A: 'b' } }]);
  });
});
