import { InputError } from '../../src/sync/errors';
import { readCsv } from './input-helpers';

describe('CSV input', () => {
  it('reads a header and records, with quotes, escaped quotes, CRLF and a quoted line break', async () => {
    const csv =
      'ExternalCustomerReference,FirstName,Address1\r\n' +
      'CRM-1,"Ann, Jr.","1 ""Main"" St"\r\n' +
      'CRM-2,Bob,"line one\r\nline two"\r\n';
    const { columns, items } = await readCsv(csv);
    expect(columns).toEqual(['ExternalCustomerReference', 'FirstName', 'Address1']);
    expect(items).toEqual([
      {
        kind: 'record',
        ordinal: 1,
        line: 2,
        values: { ExternalCustomerReference: 'CRM-1', FirstName: 'Ann, Jr.', Address1: '1 "Main" St' },
      },
      {
        kind: 'record',
        ordinal: 2,
        line: 3,
        values: { ExternalCustomerReference: 'CRM-2', FirstName: 'Bob', Address1: 'line one\r\nline two' },
      },
    ]);
  });

  it('drops a UTF-8 BOM and keeps non-ASCII text split across reads', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('FirstName,City\nZoë,Köln\n', 'utf8'),
    ]);
    for (const chunkSize of [1, 2, 3, 64]) {
      const { columns, items } = await readCsv(csv, 1024, chunkSize);
      expect(columns).toEqual(['FirstName', 'City']);
      expect(items).toEqual([
        { kind: 'record', ordinal: 1, line: 2, values: { FirstName: 'Zoë', City: 'Köln' } },
      ]);
    }
  });

  it('handles a file without a final newline and skips blank lines', async () => {
    const { items } = await readCsv('A,B\n\n1,2\n\n3,4');
    expect(items.map((i) => i.kind === 'record' && i.values)).toEqual([
      { A: '1', B: '2' },
      { A: '3', B: '4' },
    ]);
    expect(items.map((i) => i.line)).toEqual([3, 5]);
  });

  it('reports malformed records with their line and goes on with the next line', async () => {
    const csv = ['A,B', '1,ok', '2,ab"c', '3,"x"y', '4,fine', '5,6,7', '8'].join('\n') + '\n';
    const { items } = await readCsv(csv);
    expect(items.map((i) => [i.ordinal, i.line, i.kind])).toEqual([
      [1, 2, 'record'],
      [2, 3, 'unreadable'],
      [3, 4, 'unreadable'],
      [4, 5, 'record'],
      [5, 6, 'unreadable'],
      [6, 7, 'unreadable'],
    ]);
    const messages = items.flatMap((i) => (i.kind === 'unreadable' ? [i.message] : []));
    expect(messages[0]).toMatch(/unexpected quote.*line 3/);
    expect(messages[1]).toMatch(/after a closing quote.*line 4/);
    expect(messages[2]).toBe('has 3 fields, the header has 2');
    expect(messages[3]).toBe('has 1 fields, the header has 2');
  });

  it('reports a quote left open and re-reads the lines it swallowed as records', async () => {
    const csv = 'A,B\n1,"open\n2,two\n3,three\n';
    const { items } = await readCsv(csv);
    expect(items[0]).toMatchObject({
      kind: 'unreadable',
      line: 2,
      message: expect.stringMatching(/not closed/),
    });
    expect(items.slice(1)).toEqual([
      { kind: 'record', ordinal: 2, line: 3, values: { A: '2', B: 'two' } },
      { kind: 'record', ordinal: 3, line: 4, values: { A: '3', B: 'three' } },
    ]);
  });

  it('bounds the record size: an over-long line or open quote is an error, later records survive', async () => {
    const long = 'x'.repeat(5000);
    const csv = `A,B\n1,${long}\n2,"${'y'.repeat(300)}\n${'z'.repeat(300)}\n${'w'.repeat(300)}\n${'v'.repeat(300)}\n3,ok\n`;
    const { items } = await readCsv(csv, 1024, 100);
    expect(items[0]).toMatchObject({
      kind: 'unreadable',
      line: 2,
      message: 'line is longer than 1024 bytes',
    });
    expect(items[1]).toMatchObject({
      kind: 'unreadable',
      line: 3,
      message: expect.stringMatching(/longer than 1024 bytes/),
    });
    expect(items[items.length - 1]).toMatchObject({ kind: 'record', line: 7, values: { A: '3', B: 'ok' } });
  });

  it('makes invalid UTF-8 an error for that record only', async () => {
    const csv = Buffer.concat([Buffer.from('A,B\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n2,ok\n')]);
    const { items } = await readCsv(csv);
    expect(items[0]).toMatchObject({
      kind: 'unreadable',
      line: 2,
      message: expect.stringMatching(/invalid UTF-8 on line 2/),
    });
    expect(items[1]).toMatchObject({ kind: 'record', line: 3, values: { A: '2', B: 'ok' } });
  });

  it('refuses an empty file, a header with a blank or repeated name', async () => {
    await expect(readCsv('')).rejects.toThrow(InputError);
    await expect(readCsv('A,,B\n')).rejects.toThrow(/column 2 has no name/);
    await expect(readCsv('A,B,A\n1,2,3\n')).rejects.toThrow(/"A" appears twice/);
  });
});
