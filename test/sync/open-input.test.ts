import fs from 'node:fs';
import path from 'node:path';
import { fingerprintInput, openInput } from '../../src/sync/input/open-input';
import { collect } from './input-helpers';
import { makeTmpDir, removeDir } from './tmp-dir';

describe('the input file', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir();
  });
  afterEach(() => removeDir(dir));

  it('is identified by the sha256 of its whole content', async () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'ExternalCustomerReference\nA\n');
    const a = await fingerprintInput(file);
    // sha256sum of the same bytes
    expect(a).toEqual({
      size: 28,
      sha256: '0fef087741994b2dc528cc69e8ed7ead25e2d211e4167f89498653d3263c1ca9',
    });
    fs.writeFileSync(file, 'ExternalCustomerReference\nB\n');
    const b = await fingerprintInput(file);
    expect(b.size).toBe(a.size);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('read to its end, must still be the content the run started with', async () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'ExternalCustomerReference\nA\nB\n');
    const same = await openInput(file, 'csv', 1024);
    same.expect(await fingerprintInput(file));
    expect(await collect(same)).toHaveLength(2);

    const changed = await openInput(file, 'csv', 1024);
    changed.expect({ size: 30, sha256: '0'.repeat(64) });
    await expect(collect(changed)).rejects.toThrow(/changed while the run was reading it/);
  });
});
