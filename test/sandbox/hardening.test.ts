import http from 'node:http';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { envelope, faultOf, post, session, textOf } from './helpers';

let sb: Sandbox;
let sid: string;
beforeAll(async () => {
  sb = await startSandbox({ maxBodyBytes: 64 * 1024 });
  sid = (await session(sb.url)).id;
});
afterAll(() => sb.stop());

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

function wrap(body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV}" xmlns:ns1="urn:order" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/"${extraNs} SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

describe('request styles the sandbox accepts', () => {
  test('PHP SoapClient style: xsi:type on every value, ns1: prefix, SOAP-ENC array with <item>', async () => {
    const body = wrap(
      `<ns1:updateCustomerInformation><sessionID xsi:type="xsd:string">${sid}</sessionID>` +
        `<Customer xsi:type="ns1:Customer"><AvangateCustomerReference xsi:type="xsd:int">1001</AvangateCustomerReference>` +
        `<ExternalCustomerReference xsi:type="xsd:string">CRM-0001</ExternalCustomerReference>` +
        `<Phone xsi:type="xsd:string">+44 99</Phone>` +
        `<ExistingCards SOAP-ENC:arrayType="ns1:ExistingCard[1]" xsi:type="ns1:ArrayOfExistingCard"><item xsi:type="ns1:ExistingCard">` +
        `<TransientToken xsi:nil="true"/><CardType xsi:type="xsd:string">VISA</CardType><FirstDigits xsi:type="xsd:string">4111</FirstDigits>` +
        `<LastDigits xsi:type="xsd:string">1111</LastDigits><ExpirationMonth xsi:type="xsd:string">12</ExpirationMonth>` +
        `<ExpirationYear xsi:type="xsd:string">2030</ExpirationYear><HolderName xsi:type="xsd:string">Ada Lovelace</HolderName></item></ExistingCards>` +
        `<Enabled xsi:type="xsd:boolean">true</Enabled><Trial xsi:type="xsd:boolean">false</Trial>` +
        `</Customer><UpdateEndUserSubscriptions xsi:type="xsd:boolean">false</UpdateEndUserSubscriptions></ns1:updateCustomerInformation>`,
    );
    const res = await post(sb.url, body, { soapaction: '"urn:order#updateCustomerInformation"' });
    expect(res.status).toBe(200);
    expect(sb.customers('DEMO')?.find((c) => c.AvangateCustomerReference === 1001)?.Phone).toBe('+44 99');
  });

  test('unprefixed operation element in a default namespace, CDATA text, whitespace between elements', async () => {
    const body =
      `<?xml version="1.0"?>\n<Envelope xmlns="${SOAP_ENV}">\n  <Header/>\n  <Body>\n` +
      `    <getCustomerInformation xmlns="urn:order">\n      <sessionID xmlns=""><![CDATA[${sid}]]></sessionID>\n` +
      `      <AvangateCustomerReference xmlns=""> 1002 </AvangateCustomerReference>\n    </getCustomerInformation>\n  </Body>\n</Envelope>`;
    const res = await post(sb.url, body);
    expect(res.status).toBe(200);
    expect(textOf(res.body, 'FirstName')).toBe('Grace');
  });

  test('string values keep their whitespace and decoded entities', async () => {
    const res = await post(
      sb.url,
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['AvangateCustomerReference', null],
        ['ExternalCustomerReference', 'CRM-0002'],
      ]).replace('CRM-0002', 'CRM-&#48;002'),
    );
    expect(res.status).toBe(200);
  });
});

describe('bad requests get a clear fault or a 4xx, never a crash or a hang', () => {
  async function fault(xml: string): Promise<{ status: number; code?: string; string?: string }> {
    const res = await post(sb.url, xml);
    return { status: res.status, ...faultOf(res.body) };
  }

  test('malformed XML → SOAP-ENV:Client', async () => {
    for (const xml of ['<a><b></a>', 'not xml at all', '<?xml version="1.0"?>', '', '<a>&unknown;</a>']) {
      const f = await fault(xml);
      expect(f.status).toBe(500);
      expect(f.code).toBe('SOAP-ENV:Client');
    }
  });

  test('a DOCTYPE is refused; external entities are never resolved', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
      wrap(
        `<ns1:getCustomerInformation><sessionID>${sid}</sessionID><ExternalCustomerReference>&e;</ExternalCustomerReference></ns1:getCustomerInformation>`,
      ).replace(/^<\?xml[^>]*>\n/, '');
    const f = await fault(xxe);
    // PHP's SoapServer answers any DTD so (test/sandbox/php-http-differential.test.ts).
    expect(f).toEqual({ status: 500, code: 'SOAP-ENV:Server', string: 'DTD are not supported by SOAP' });
    const billion =
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>';
    expect((await fault(billion)).string).toBe('DTD are not supported by SOAP');
  });

  test('a body over the limit → 413, and the server keeps serving', async () => {
    const big = envelope('getCustomerInformation', [['sessionID', 'x'.repeat(70 * 1024)]]);
    const res = await post(sb.url, big);
    expect(res.status).toBe(413);
    const ok = await post(
      sb.url,
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['AvangateCustomerReference', 1001],
      ]),
    );
    expect(ok.status).toBe(200);
  });

  test('a chunked body over the limit (no Content-Length) → 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(sb.url, { method: 'POST', headers: { 'content-type': 'text/xml' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 80; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  test("an unknown operation → PHP's SOAP-ENV:Server naming it", async () => {
    const f = await fault(envelope('deleteEverything', [['sessionID', sid]]));
    expect(f).toEqual({
      status: 500,
      code: 'SOAP-ENV:Server',
      string: "Procedure 'deleteEverything' not present",
    });
  });

  test('unknown parameters and unknown fields are refused, naming them', async () => {
    const a = await fault(
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['CustomerRef', 1],
      ]),
    );
    expect(a.string).toBe('Unknown parameter CustomerRef for operation getCustomerInformation');
    const b = await fault(
      envelope('createCustomer', [
        ['sessionID', sid],
        ['Customer', { Emial: 'x@example.com' }],
      ]),
    );
    expect(b).toMatchObject({ code: 'SOAP-ENV:Client', string: 'Unknown field Customer.Emial' });
  });

  test('values of the wrong type are refused, naming the field', async () => {
    const a = await fault(
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['AvangateCustomerReference', '12abc'],
      ]),
    );
    expect(a.string).toBe('AvangateCustomerReference: invalid xsd:int value "12abc"');
    const b = await fault(
      envelope('updateCustomerInformation', [
        ['sessionID', sid],
        ['Customer', { AvangateCustomerReference: 1001 }],
        ['UpdateEndUserSubscriptions', 'yes'],
      ]),
    );
    expect(b.string).toBe('UpdateEndUserSubscriptions: invalid xsd:boolean value "yes"');
    const c = await fault(
      envelope('createCustomer', [
        ['sessionID', sid],
        ['Customer', { FirstName: { Nested: 'x' } }],
      ]),
    );
    expect(c.string).toBe('Customer.FirstName: expected a xsd:string value, got child elements');
  });

  test('characters XML 1.0 forbids (via character references) are refused', async () => {
    const xml = envelope('getCustomerInformation', [
      ['sessionID', sid],
      ['ExternalCustomerReference', 'A'],
    ]).replace('>A<', '>A&#1;<');
    const f = await fault(xml);
    expect(f.code).toBe('SOAP-ENV:Client');
  });

  test('not a SOAP envelope, SOAP 1.2, empty Body', async () => {
    expect(await fault('<foo/>')).toEqual({
      status: 500,
      code: 'SOAP-ENV:VersionMismatch',
      string:
        'Wrong Version: expected a SOAP 1.1 Envelope (http://schemas.xmlsoap.org/soap/envelope/), got element foo',
    });
    const soap12 = '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>';
    expect((await fault(soap12)).code).toBe('SOAP-ENV:VersionMismatch');
    expect((await fault(wrap(''))).string).toBe('looks like we got "Body" without function call');
  });

  test('multi-reference (href) values are refused clearly', async () => {
    const f = await fault(
      wrap(`<ns1:getCustomerInformation><sessionID href="#id1"/></ns1:getCustomerInformation>`),
    );
    expect(f.string).toBe('sessionID: multi-reference values (href) are not supported');
  });

  test('deeply nested XML is refused', async () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    expect((await fault(wrap(`<ns1:createCustomer>${deep}</ns1:createCustomer>`))).code).toBe(
      'SOAP-ENV:Client',
    );
  });

  test('the counters record rejected requests', () => {
    const stats = sb.stats();
    expect(stats.rejected['413']).toBeGreaterThanOrEqual(2);
    expect(stats.faults['SOAP-ENV:Client']).toBeGreaterThan(5);
  });
});
