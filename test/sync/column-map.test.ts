import fs from 'node:fs';
import path from 'node:path';
import { parseMapSpec, planColumns, readMapFile, targetOf } from '../../src/sync/column-map';
import { duplicateTopLevelKey } from '../../src/sync/input/json-keys';
import { prepareRecord } from '../../src/sync/record-patch';
import { makeTmpDir, removeDir } from './tmp-dir';

describe('column mapping and key choice', () => {
  it('parses --map specs, an empty target dropping the column', () => {
    expect(parseMapSpec('Mail=Email, Vorname=FirstName,Notes=')).toEqual({
      Mail: 'Email',
      Vorname: 'FirstName',
      Notes: null,
    });
    expect(() => parseMapSpec('Mail')).toThrow(/"Mail" is not of the form source=Field/);
    expect(() => parseMapSpec('A=Email,A=Phone')).toThrow(/mapped twice/);
  });

  it('picks the key column that exists and lists the writable fields', () => {
    expect(planColumns(['ExternalCustomerReference', 'Email', '_error'], {}, undefined)).toEqual({
      key: 'ExternalCustomerReference',
      fields: ['Email'],
    });
    expect(
      planColumns(['Id', 'Mail'], { Id: 'AvangateCustomerReference', Mail: 'Email' }, undefined),
    ).toEqual({
      key: 'AvangateCustomerReference',
      fields: ['Email'],
    });
  });

  it('lists every column problem at once, before anything is sent', () => {
    const run = () =>
      planColumns(
        ['ExternalCustomerReference', 'Emial', 'Mail', 'Email', 'Enabled', 'Ghost2'],
        { Mail: 'Email', Ghost: 'Phone' },
        undefined,
      );
    expect(run).toThrow(/mapped column "Ghost" is not in the input/);
    expect(run).toThrow(/"Emial" is not a Customer field/);
    expect(run).toThrow(/both "Mail" and "Email" feed Email/);
    expect(run).toThrow(/"Enabled" feeds Enabled, which is read-only/);
    expect(run).toThrow(/"Ghost2" is not a Customer field/);
  });

  it('needs a key column, and --key when both are present', () => {
    expect(() => planColumns(['Email'], {}, undefined)).toThrow(/no key column/);
    expect(() =>
      planColumns(['AvangateCustomerReference', 'ExternalCustomerReference'], {}, undefined),
    ).toThrow(/choose the key with --key/);
    expect(
      planColumns(
        ['AvangateCustomerReference', 'ExternalCustomerReference'],
        {},
        'AvangateCustomerReference',
      ),
    ).toEqual({
      key: 'AvangateCustomerReference',
      fields: ['ExternalCustomerReference'],
    });
    expect(() =>
      planColumns(['Email', 'ExternalCustomerReference'], {}, 'AvangateCustomerReference'),
    ).toThrow(/has no AvangateCustomerReference column/);
  });
});

describe('record → key and patch', () => {
  const map = { Mail: 'Email', Notes: null };

  it('maps columns, skips empty cells by default, clears with \\N', () => {
    const r = prepareRecord(
      {
        ExternalCustomerReference: 'CRM-1',
        Mail: 'a@b.co',
        Phone: '',
        Fax: '\\N',
        Notes: 'x',
        _error: 'old',
      },
      map,
      'ExternalCustomerReference',
      'skip',
    );
    expect(r).toEqual({
      ok: true,
      key: { external: 'CRM-1' },
      keyText: 'CRM-1',
      patch: { Email: 'a@b.co', Fax: null },
    });
  });

  it('clears on empty cells with --empty-means clear', () => {
    const r = prepareRecord(
      { AvangateCustomerReference: ' 42 ', Phone: '', Fax: '  ' },
      {},
      'AvangateCustomerReference',
      'clear',
    );
    expect(r).toEqual({ ok: true, key: 42, keyText: ' 42 ', patch: { Phone: null, Fax: null } });
  });

  it('rejects a bad key, a missing key and invalid values with every reason', () => {
    expect(
      prepareRecord({ AvangateCustomerReference: 'abc' }, {}, 'AvangateCustomerReference', 'skip'),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/must be a positive whole number/),
    });
    expect(
      prepareRecord({ ExternalCustomerReference: '', Email: 'x' }, {}, 'ExternalCustomerReference', 'skip'),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/is empty/),
    });
    const bad = prepareRecord(
      { ExternalCustomerReference: 'CRM-1', Email: 'not-an-email', CountryCode: 'XX', FirstName: '\\N' },
      {},
      'ExternalCustomerReference',
      'skip',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatch(/Email is not a valid e-mail address/);
      expect(bad.error).toMatch(/CountryCode must be an ISO 3166-1/);
      expect(bad.error).toMatch(/FirstName is required and cannot be cleared/);
      expect(bad.keyText).toBe('CRM-1');
    }
  });

  it('takes JSON values as they are: null clears, numbers for strings are invalid', () => {
    expect(
      prepareRecord({ AvangateCustomerReference: 7, Phone: null }, {}, 'AvangateCustomerReference', 'skip'),
    ).toEqual({
      ok: true,
      key: 7,
      keyText: '7',
      patch: { Phone: null },
    });
    expect(
      prepareRecord({ AvangateCustomerReference: 7, Zip: 12345 }, {}, 'AvangateCustomerReference', 'skip'),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Zip must be a string/),
    });
  });
});

describe('column names are data', () => {
  it('__proto__, toString and constructor map, drop and fail like any other name', () => {
    const map = parseMapSpec('__proto__=City,toString=,constructor=Email');
    expect(Object.keys(map)).toEqual(['__proto__', 'toString', 'constructor']);
    expect(targetOf('__proto__', map)).toBe('City');
    expect(targetOf('toString', map)).toBeNull();
    expect(targetOf('valueOf', map)).toBe('valueOf');
    expect(() =>
      planColumns(['ExternalCustomerReference', 'toString', 'hasOwnProperty'], {}, undefined),
    ).toThrow(/"toString" is not a Customer field[\s\S]*"hasOwnProperty" is not a Customer field/);
    expect(() => parseMapSpec('__proto__=City,__proto__=Email')).toThrow(/"__proto__" is mapped twice/);
  });

  it('--map-file: {"__proto__": …} is a column, a column named twice is refused', () => {
    const dir = makeTmpDir();
    try {
      const file = path.join(dir, 'map.json');
      fs.writeFileSync(file, '{"__proto__": "City", "toString": null}');
      const map = readMapFile(file);
      expect(targetOf('__proto__', map)).toBe('City');
      expect(targetOf('toString', map)).toBeNull();
      fs.writeFileSync(file, '{"Mail": "Email", "Ma\\u0069l": "Phone"}');
      expect(() => readMapFile(file)).toThrow(/column "Mail" is mapped twice/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('duplicateTopLevelKey', () => {
  it.each([
    ['{"a":1,"b":2}', undefined],
    ['{"a":1,"a":2}', 'a'],
    ['{"a":{"b":1,"b":2},"c":[{"a":1}]}', undefined],
    ['{"a":"x,\\"a\\":y","b":1}', undefined],
    ['{"City":"x","Ci\\u0074y":"y"}', 'City'],
    ['{"k":[1,{"k":2}],"k":3}', 'k'],
    ['{}', undefined],
  ])('%s → %s', (text, expected) => {
    JSON.parse(text); // only ever called on text that parsed
    expect(duplicateTopLevelKey(text)).toBe(expected);
  });
});
