// Locates the vendored WSDL and parses it once per process. node-soap's own cache keys parsed WSDLs
// by URL and keeps the options of whoever opened it first; parsing ourselves with one fixed option
// set (handleNilAsNull, which the normalizer relies on) makes every client see the same model.
import fs from 'node:fs';
import path from 'node:path';
import { open_wsdl, type WSDL } from 'soap/lib/wsdl';

export const WSDL_FILE_NAME = '2checkout-soap-4.0.wsdl';

let cachedPath: string | undefined;

/**
 * Absolute path of wsdl/2checkout-soap-4.0.wsdl, found by walking up from this file, so it works
 * from src/soap (ts-jest) and dist/src/soap (compiled) alike.
 */
export function vendoredWsdlPath(): string {
  if (cachedPath) return cachedPath;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'wsdl', WSDL_FILE_NAME);
    if (fs.existsSync(candidate)) {
      cachedPath = candidate;
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find wsdl/${WSDL_FILE_NAME} in ${__dirname} or any folder above it`);
    }
    dir = parent;
  }
}

const keepText = (text: string): string => text;

/**
 * The options every parse uses. Not caller-configurable on purpose (see the header).
 * handleNilAsNull: nil arrives as null. customDeserializer: node-soap would parseInt('12abc') to 12
 * and turn dates into Date objects; we keep the text and let the normalizer check it strictly.
 */
const PARSE_OPTIONS = Object.freeze({
  handleNilAsNull: true,
  customDeserializer: Object.freeze(
    Object.fromEntries(
      [
        'int',
        'integer',
        'short',
        'long',
        'byte',
        'unsignedInt',
        'double',
        'float',
        'decimal',
        'boolean',
        'bool',
        'date',
        'dateTime',
      ].map((t) => [t, keepText]),
    ),
  ),
});

let parsed: Promise<WSDL> | undefined;

/** The vendored WSDL, parsed on first use and shared by every client in the process. */
export function loadVendoredWsdl(): Promise<WSDL> {
  if (!parsed) {
    const file = vendoredWsdlPath();
    parsed = new Promise<WSDL>((resolve, reject) => {
      open_wsdl(
        file,
        { ...PARSE_OPTIONS, customDeserializer: { ...PARSE_OPTIONS.customDeserializer } },
        (err: unknown, wsdl?: WSDL) => {
          if (err || !wsdl) reject(err instanceof Error ? err : new Error(`Cannot parse ${file}`));
          else resolve(wsdl);
        },
      );
    });
    // A failed parse is not remembered, so a later call can retry (e.g. after fixing the file).
    parsed.catch(() => {
      parsed = undefined;
    });
  }
  return parsed;
}
