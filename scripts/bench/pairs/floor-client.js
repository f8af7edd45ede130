'use strict';
// The floor: about the least a Node client can do for a get + update pair. Requests are string
// templates, responses are parsed with sax into flat strings (no typing, no validation, no
// retries, no session management), one keep-alive socket. Our facade is measured against it.
const http = require('node:http');
const crypto = require('node:crypto');
const sax = require('sax');
const { serveRounds } = require('./line-protocol');

const [url, code, secret, customersArg, offsetArg] = process.argv.slice(2);
const target = new URL(url);
const customers = Number(customersArg);
const offset = Number(offsetArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const HEAD =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tns="urn:order"><soap:Body>';
const TAIL = '</soap:Body></soap:Envelope>';
const esc = (s) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

function post(action, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: `"urn:order#${action}"`,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Leaf elements of the response's return value as { name: text | null }. */
function leaves(xml) {
  const out = {};
  const parser = sax.parser(true);
  let name;
  let text = '';
  let nil = false;
  parser.onopentag = (t) => {
    name = t.name;
    text = '';
    nil = t.attributes['xsi:nil'] === 'true';
  };
  parser.ontext = (t) => (text += t);
  parser.onclosetag = (n) => {
    if (n === name) out[n] = nil ? null : text;
    name = undefined;
  };
  parser.write(xml).close();
  return out;
}

async function login() {
  const date = new Date().toISOString().slice(0, 19).replace('T', ' ');
  const hash = crypto
    .createHmac('sha256', secret)
    .update(`${code.length}${code}${date.length}${date}`)
    .digest('hex');
  const xml = await post(
    'login',
    `${HEAD}<tns:login><merchantCode>${code}</merchantCode><date>${date}</date><hash>${hash}</hash><algo>sha256</algo></tns:login>${TAIL}`,
  );
  return leaves(xml).loginReturn;
}

const FIELDS = [
  'AvangateCustomerReference',
  'ExternalCustomerReference',
  'FirstName',
  'LastName',
  'Company',
  'FiscalCode',
  'Address1',
  'Address2',
  'City',
  'State',
  'Zip',
  'CountryCode',
  'Phone',
  'Fax',
  'Email',
  'Enabled',
  'Trial',
  'Language',
];

async function pair(sid, ref, email) {
  const c = leaves(
    await post(
      'getCustomerInformation',
      `${HEAD}<tns:getCustomerInformation><sessionID>${sid}</sessionID><AvangateCustomerReference>${ref}</AvangateCustomerReference><ExternalCustomerReference xsi:nil="true"></ExternalCustomerReference></tns:getCustomerInformation>${TAIL}`,
    ),
  );
  c.Email = email;
  let fields = '';
  for (const f of FIELDS) {
    const v = c[f];
    fields += v === null || v === undefined ? `<${f} xsi:nil="true"></${f}>` : `<${f}>${esc(v)}</${f}>`;
  }
  const ok = leaves(
    await post(
      'updateCustomerInformation',
      `${HEAD}<tns:updateCustomerInformation><sessionID>${sid}</sessionID><Customer>${fields}</Customer><UpdateEndUserSubscriptions>false</UpdateEndUserSubscriptions></tns:updateCustomerInformation>${TAIL}`,
    ),
  );
  if (ok.updateCustomerInformationReturn !== 'true') throw new Error('update failed');
}

async function main() {
  const sid = await login();
  let n = offset;
  await serveRounds(async (count, round) => {
    for (let i = 0; i < count; i++, n++)
      await pair(sid, 100000 + (n % customers), `floor${round}-${i}@example.com`);
  });
  agent.destroy();
}

main().catch((err) => {
  process.stderr.write(`floor client: ${err.stack}\n`);
  process.exit(1);
});
