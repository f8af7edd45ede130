import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * This package's version, from the nearest package.json named twocheckout-soap above this file
 * (dist/src/domain when installed, src/domain when run from the sources), or 'unknown'. The
 * sandbox's --version and the sync's report (toolVersion) both say it.
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'twocheckout-soap' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // no (readable) package.json here: keep going up
    }
    if (path.dirname(dir) === dir) return (cached = 'unknown');
  }
}
