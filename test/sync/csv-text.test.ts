import { csvField, csvRow } from '../../src/sync/output/csv-text';
import { readCsv } from './input-helpers';

describe('CSV output', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('round-trips through the CSV reader (a dead-letter file is valid input)', async () => {
    const values = [
      'CRM-1',
      'O\'Brien "Junior"',
      'Smith, Jones & Co',
      'line one\r\nline two',
      '',
      ' x',
      'Zürich',
    ];
    const text = csvRow(values.map((_, i) => `c${i}`)) + csvRow(values);
    const { items } = await readCsv(text, 4096, 5);
    expect(items).toEqual([
      { kind: 'record', ordinal: 1, line: 2, values: Object.fromEntries(values.map((v, i) => [`c${i}`, v])) },
    ]);
  });
});
