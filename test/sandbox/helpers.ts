// Raw-HTTP helpers for the sandbox tests: real requests, real responses, no client library in between.
import { formatLoginDate, loginHash, type HashAlgorithm } from '../../src/client/hash';

export const DEMO = { code: 'DEMO', secretKey: 'DEMO_SECRET_KEY' };

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

export async function get(url: string): Promise<RawResponse> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A part value as node-soap writes it: no xsi:type, nil as xsi:nil. */
export type Part = string | number | boolean | null | Part[] | { [k: string]: Part };

function partXml(name: string, value: Part): string {
  if (value === null) return `<${name} xsi:nil="true"></${name}>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => partXml('item', v)).join('')}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => partXml(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** An rpc request in node-soap 1.13's style. */
export function envelope(operation: string, parts: [string, Part][]): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tns="urn:order"><soap:Body>' +
    `<tns:${operation}>${parts.map(([n, v]) => partXml(n, v)).join('')}</tns:${operation}></soap:Body></soap:Envelope>`
  );
}

/**
 * The parts of a login as 2Checkout takes it since 2024: HMAC-SHA256 with `algo` as the 4th part.
 * `md5` gives the legacy 3-part login (which the sandbox refuses unless allowMd5 is set).
 */
export function loginParts(
  code = DEMO.code,
  key = DEMO.secretKey,
  date = new Date(),
  algo: HashAlgorithm = 'sha256',
): [string, Part][] {
  const d = formatLoginDate(date);
  const parts: [string, Part][] = [
    ['merchantCode', code],
    ['date', d],
    ['hash', loginHash(code, d, key, algo)],
  ];
  if (algo !== 'md5') parts.push(['algo', algo]);
  return parts;
}

export function textOf(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m?.[1];
}

export function faultOf(xml: string): { code?: string; string?: string } {
  return { code: textOf(xml, 'faultcode'), string: textOf(xml, 'faultstring') };
}

/** Logs in and returns a call function bound to the session. */
export async function session(url: string, code = DEMO.code, key = DEMO.secretKey) {
  const res = await post(url, envelope('login', loginParts(code, key)));
  const id = textOf(res.body, 'loginReturn');
  if (res.status !== 200 || !id) throw new Error(`login failed: ${res.status} ${res.body}`);
  return {
    id,
    call: (operation: string, parts: [string, Part][]) =>
      post(url, envelope(operation, [['sessionID', id], ...parts])),
  };
}
