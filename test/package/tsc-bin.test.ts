import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// typescript-4-7 (the consumer test's oldest compiler) declares the same bins as typescript; the
// prepare script points them at the repo's compiler, whichever npm linked last.
describe('node_modules/.bin after npm ci', () => {
  test.each(['tsc', 'tsserver'])('%s is the repo compiler (typescript 5.9), not typescript-4-7', (bin) => {
    const real = fs.realpathSync(path.join(ROOT, 'node_modules', '.bin', bin));
    expect(path.relative(ROOT, real)).toBe(path.join('node_modules', 'typescript', 'bin', bin));
    const version = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/typescript/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(version).toMatch(/^5\.9\./);
  });
});
