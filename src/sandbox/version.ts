import fs from 'node:fs';
import path from 'node:path';

/**
 * This package's version, from the nearest package.json named twocheckout-soap above this file
 * (dist/src/sandbox when installed, src/sandbox when run from the sources), or 'unknown'.
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'twocheckout-soap' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no (readable) package.json here: keep going up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
