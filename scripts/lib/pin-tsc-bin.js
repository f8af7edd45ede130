'use strict';
// `typescript` (5.9, the repo's compiler) and `typescript-4-7` (the oldest version consumers may
// use, for test/package/consumer.test.ts) both declare the `tsc` and `tsserver` bins, and npm links
// whichever it installs last into node_modules/.bin. Run from `prepare` (so after every `npm ci` /
// `npm install`), this points them back at 5.9, so `npx tsc` and editors use the repo's compiler.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const binDir = path.join(root, 'node_modules', '.bin');
for (const bin of ['tsc', 'tsserver']) {
  const target = path.join(root, 'node_modules', 'typescript', 'bin', bin);
  const link = path.join(binDir, bin);
  if (!fs.existsSync(target) || !fs.existsSync(binDir)) continue;
  const wanted = path.relative(binDir, target);
  let current;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined; // missing, or a copy (Windows): replace it below
  }
  if (current === wanted) continue;
  fs.rmSync(link, { force: true });
  fs.symlinkSync(wanted, link);
}
