import fs from 'node:fs';
import path from 'node:path';
import { escapeAttribute } from './xml/escape';

const WSDL_FILE = path.join('wsdl', '2checkout-soap-4.0.wsdl');

/** Finds the vendored WSDL walking up from here: works from src/ (ts-jest) and dist/src/ alike. */
export function findVendoredWsdl(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, WSDL_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find ${WSDL_FILE} above ${__dirname}`);
    dir = parent;
  }
}

/** The WSDL with every soap:address pointing at the sandbox. */
export async function loadWsdlFor(url: string): Promise<Buffer> {
  const text = await fs.promises.readFile(findVendoredWsdl(), 'utf8');
  const rewritten = text.replace(
    /(<(?:\w+:)?address\b[^>]*\blocation=")[^"]*(")/g,
    (_m, head: string, tail: string) => `${head}${escapeAttribute(url)}${tail}`,
  );
  return Buffer.from(rewritten, 'utf8');
}
