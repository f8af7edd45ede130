// The one WSDL reader (src/soap/wsdl-model.ts) that generate, wsdl:fetch and the doctor share.
import fs from 'node:fs';
import http from 'node:http';
import { schema } from '../../generated/twocheckout/schema';
import { vendoredWsdlPath } from '../../src/soap';
import { diffWsdlModels } from '../../src/soap/wsdl-diff';
import { readWsdlModel, wsdlModelFromText } from '../../src/soap/wsdl-model';

const text = fs.readFileSync(vendoredWsdlPath(), 'utf8');

test('the file and the text reader give the model generate wrote into generated/', async () => {
  const fromFile = await readWsdlModel(vendoredWsdlPath());
  expect(JSON.parse(JSON.stringify(fromFile))).toEqual(JSON.parse(JSON.stringify(schema)));
  expect(await wsdlModelFromText(text)).toEqual(fromFile);
});

test('text without the XML declaration, or with a BOM, reads the same', async () => {
  const bare = text.replace(/^<\?xml[^>]*>\s*/, '');
  expect(bare.startsWith('<?xml')).toBe(false);
  const expected = await wsdlModelFromText(text);
  expect(await wsdlModelFromText(bare)).toEqual(expected);
  expect(await wsdlModelFromText(`\uFEFF${text}`)).toEqual(expected);
});

test('imports in received text are refused, never fetched', async () => {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    res.end('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  try {
    const withImport = text.replace(
      '<xsd:import namespace="http://schemas.xmlsoap.org/soap/encoding/"/>',
      `<xsd:import namespace="urn:x" schemaLocation="http://127.0.0.1:${port}/x.xsd"/>`,
    );
    expect(withImport).not.toBe(text);
    await expect(wsdlModelFromText(withImport)).rejects.toThrow(/imports .*x\.xsd.*not followed/);
    expect(requests).toBe(0);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('text that is not XML is refused with an error', async () => {
  await expect(wsdlModelFromText('<html><body>Service Unavailable</body></html>')).rejects.toThrow();
  await expect(wsdlModelFromText('not xml at all')).rejects.toThrow();
});

test('differences are classified: additions apart from removals and changes', async () => {
  const before = await readWsdlModel(vendoredWsdlPath());
  const after = structuredClone(before);
  after.location = 'http://127.0.0.1:1/soap/4.0/';
  delete after.operations.copyPaymentInfo;
  after.operations.login.input.push({ name: 'extra', type: 'xsd:string' });
  after.operations.getCustomerInformation.input[1].type = 'xsd:string';
  const diff = diffWsdlModels(before, after, { ignoreLocation: true });
  expect(diff).toEqual([
    { text: 'operation removed: copyPaymentInfo', change: 'removed', operation: 'copyPaymentInfo' },
    {
      text: 'operation getCustomerInformation: input parameter AvangateCustomerReference: type xsd:int -> xsd:string',
      change: 'changed',
      operation: 'getCustomerInformation',
    },
    {
      text: 'operation login: input parameter added: extra (xsd:string)',
      change: 'added',
      operation: 'login',
    },
  ]);
  expect(diffWsdlModels(before, after).map((d) => d.text)).toContain(
    `location: ${before.location} -> http://127.0.0.1:1/soap/4.0/`,
  );
});
