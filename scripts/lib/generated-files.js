'use strict';
// Turns a freshly generated folder into the committed form (banner, no `any`, type-only re-exports)
// and compares/syncs folders file by file, so `generate:check` can name stale/missing/extra files.
const fs = require('node:fs');
const path = require('node:path');

function banner(wsdlRel, sha256) {
  return [
    '// GENERATED FILE - DO NOT EDIT.',
    `// Source: ${wsdlRel} (sha256 ${sha256})`,
    '// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.',
    '',
  ].join('\n');
}

/** Relative paths (posix separators) of every file under dir, sorted. */
function listFiles(dir) {
  const out = [];
  const walk = (d, rel) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

// wsdl-tsclient's own escape hatches: node-soap's raw response/request are strings, the header and
// error are unknown. Replacing them keeps generated/ free of `any`.
const ANY_REWRITES = [
  [/\berr: any\b/g, 'err: unknown'],
  [/\brawResponse: any\b/g, 'rawResponse: string'],
  [/\bsoapHeader: any\b/g, 'soapHeader: unknown'],
  [/\brawRequest: any\b/g, 'rawRequest: string'],
];

function finishTsClientFile(rel, text, clientName) {
  let out = text;
  for (const [re, to] of ANY_REWRITES) out = out.replace(re, to);
  if (rel === 'client.ts') {
    out = out.replace(/\) as any;/, `) as unknown as Promise<${clientName}Client>;`);
  }
  if (rel === 'index.ts') {
    // Interfaces only: `export type` keeps the file valid under isolatedModules (ts-jest).
    out = out.replace(
      /^export \{ (\w+) \} from "\.\/(definitions|services|ports)\//gm,
      'export type { $1 } from "./$2/',
    );
    out = out.replace(
      `export { createClientAsync, ${clientName}Client } from "./client";`,
      `export { createClientAsync, type ${clientName}Client } from "./client";`,
    );
  }
  return out;
}

/** Adds the banner to every file of dir and applies the clean-ups above. */
function finishFolder(dir, wsdlRel, sha256, clientName) {
  const head = banner(wsdlRel, sha256);
  for (const rel of listFiles(dir)) {
    const file = path.join(dir, rel);
    let text = fs.readFileSync(file, 'utf8');
    if (!text.startsWith('// GENERATED FILE')) text = head + '\n' + finishTsClientFile(rel, text, clientName);
    fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** { stale, missing, extra }: paths relative to the two folders. */
function compareFolders(expectedDir, actualDir) {
  const expected = listFiles(expectedDir);
  const actual = new Set(listFiles(actualDir));
  const stale = [];
  const missing = [];
  for (const rel of expected) {
    if (!actual.has(rel)) missing.push(rel);
    else if (!fs.readFileSync(path.join(expectedDir, rel)).equals(fs.readFileSync(path.join(actualDir, rel))))
      stale.push(rel);
    actual.delete(rel);
  }
  return { stale, missing, extra: [...actual].sort() };
}

/** Makes targetDir identical to sourceDir, touching only files that differ. */
function syncFolder(sourceDir, targetDir) {
  const { stale, missing, extra } = compareFolders(sourceDir, targetDir);
  for (const rel of [...stale, ...missing]) {
    fs.mkdirSync(path.dirname(path.join(targetDir, rel)), { recursive: true });
    fs.copyFileSync(path.join(sourceDir, rel), path.join(targetDir, rel));
  }
  for (const rel of extra) fs.rmSync(path.join(targetDir, rel));
  return { written: [...stale, ...missing].sort(), removed: extra };
}

module.exports = { banner, listFiles, finishFolder, compareFolders, syncFolder };
