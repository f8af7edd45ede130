#!/usr/bin/env node
'use strict';
// npm run generate        wsdl/*.wsdl -> generated/<name>/ (schema model + wsdl-tsclient typed stubs)
// npm run generate:check  regenerates into a temporary folder and fails, naming the files, when
//                         generated/ is stale, has missing files or extra files.
// Each WSDL is generated in its own child process: wsdl-tsclient and node-soap keep module-level
// state between runs (wsdl-tsclient issue #7), which would leak from one WSDL into the next.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { readWsdlModel } = require('./lib/wsdl-model');
const { generateCodecs } = require('./lib/codec-codegen');
require('./lib/ts-require');
const { banner, finishFolder, compareFolders, syncFolder, listFiles } = require('./lib/generated-files');

const ROOT = path.resolve(__dirname, '..');
const WSDL_DIR = path.join(ROOT, 'wsdl');
let GENERATED_DIR = path.join(ROOT, 'generated');

/** generated/<folder> and the client interface prefix for a WSDL file name. */
function targetFor(wsdlBase) {
  if (wsdlBase === '2checkout-soap-4.0') return { folder: 'twocheckout', clientName: 'Twocheckout' };
  const words = wsdlBase
    .replace(/^[^a-zA-Z]+/, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) throw new Error(`cannot derive a folder name from ${wsdlBase}.wsdl`);
  const clientName = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  return { folder: clientName.toLowerCase(), clientName };
}

async function generateOne(wsdlFile, outDir, clientName) {
  const { generateTsClient } = require('./lib/tsclient-codegen');
  const wsdlRel = path.relative(ROOT, wsdlFile).split(path.sep).join('/');
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(wsdlFile)).digest('hex');
  const model = await readWsdlModel(wsdlFile);
  fs.mkdirSync(outDir, { recursive: true });
  await generateTsClient(wsdlFile, model, outDir, clientName);
  finishFolder(outDir, wsdlRel, sha256, clientName);
  const schemaTs =
    banner(wsdlRel, sha256) +
    `\nexport const wsdlSha256 = '${sha256}';\n\n` +
    `export const schema = ${JSON.stringify(model, null, 2)} as const;\n\n` +
    'export type Schema = typeof schema;\n';
  fs.writeFileSync(path.join(outDir, 'schema.ts'), schemaTs);
  const { RESPONSE_REQUIRED } = require('../src/domain/response-rules.ts');
  const clientTs = fs.readFileSync(path.join(outDir, 'client.ts'), 'utf8');
  const codecs = generateCodecs(model, clientTs, RESPONSE_REQUIRED);
  fs.writeFileSync(path.join(outDir, 'codecs.ts'), `${banner(wsdlRel, sha256)}\n${codecs.source}`);
  const fallbacks = Object.entries(codecs.uncompiled);
  if (fallbacks.length > 0) {
    console.error(
      `generate: ${path.basename(wsdlFile)}: ${fallbacks.length} of ${fallbacks.length + codecs.compiled.length} ` +
        "operation(s) fall back to engine 'node-soap' (the codec generator cannot compile them):\n" +
        fallbacks.map(([op, why]) => `  ${op}: ${why}`).join('\n'),
    );
  }
}

function wsdlFiles() {
  return fs
    .readdirSync(WSDL_DIR)
    .filter((f) => f.endsWith('.wsdl'))
    .sort()
    .map((f) => path.join(WSDL_DIR, f));
}

/** Generates every WSDL into outRoot/<folder>, one child process each. */
function generateAll(outRoot) {
  const files = wsdlFiles();
  if (files.length === 0) throw new Error(`no *.wsdl files in ${WSDL_DIR}`);
  const folders = [];
  for (const file of files) {
    const { folder, clientName } = targetFor(path.basename(file, '.wsdl'));
    folders.push(folder);
    execFileSync(process.execPath, [__filename, '--one', file, path.join(outRoot, folder), clientName], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return folders;
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    return generateOne(args[1], args[2], args[3]);
  }
  const check = args.includes('--check');
  // --generated-dir DIR: compare/sync another folder than generated/ (used by the tests).
  const dirAt = args.indexOf('--generated-dir');
  if (dirAt >= 0) {
    if (!args[dirAt + 1]) throw new Error('--generated-dir needs a folder');
    GENERATED_DIR = path.resolve(args[dirAt + 1]);
    args.splice(dirAt, 2);
  }
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length)
    throw new Error(
      `unknown argument(s): ${unknown.join(' ')} (usage: generate.js [--check] [--generated-dir DIR])`,
    );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-generate-'));
  try {
    const folders = generateAll(tmp);
    // Folders under generated/ that no WSDL produces any more are extra too.
    const existing = fs.existsSync(GENERATED_DIR)
      ? fs
          .readdirSync(GENERATED_DIR, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      : [];
    const all = [...new Set([...folders, ...existing])].sort();
    if (check) {
      const problems = [];
      const shown = path.relative(ROOT, GENERATED_DIR).split(path.sep).join('/') || '.';
      for (const folder of all) {
        const { stale, missing, extra } = compareFolders(
          path.join(tmp, folder),
          path.join(GENERATED_DIR, folder),
        );
        for (const f of stale) problems.push(`stale:   ${shown}/${folder}/${f}`);
        for (const f of missing) problems.push(`missing: ${shown}/${folder}/${f}`);
        for (const f of extra) problems.push(`extra:   ${shown}/${folder}/${f}`);
      }
      if (problems.length) {
        console.error(
          `generate:check: generated/ does not match wsdl/ (run \`npm run generate\`):\n  ${problems.join('\n  ')}`,
        );
        process.exitCode = 1;
      } else {
        console.log(`generate:check: generated/ is up to date (${folders.join(', ')})`);
      }
      return undefined;
    }
    let changed = 0;
    for (const folder of all) {
      const { written, removed } = syncFolder(path.join(tmp, folder), path.join(GENERATED_DIR, folder));
      changed += written.length + removed.length;
      for (const f of written) console.log(`wrote   generated/${folder}/${f}`);
      for (const f of removed) console.log(`removed generated/${folder}/${f}`);
      if (listFiles(path.join(GENERATED_DIR, folder)).length === 0)
        fs.rmSync(path.join(GENERATED_DIR, folder), { recursive: true });
    }
    console.log(changed ? `generate: ${changed} file(s) changed` : 'generate: generated/ already up to date');
    return undefined;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

Promise.resolve()
  .then(main)
  .catch((err) => {
    console.error(`generate: ${err && err.message ? err.message : err}`);
    process.exitCode = 1;
  });
