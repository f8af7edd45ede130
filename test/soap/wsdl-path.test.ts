import fs from 'node:fs';
import path from 'node:path';
import { loadVendoredWsdl, vendoredWsdlPath } from '../../src/soap';

test('the vendored WSDL is found from src/ and parsed once per process', async () => {
  const file = vendoredWsdlPath();
  expect(file).toBe(path.resolve(__dirname, '../../wsdl/2checkout-soap-4.0.wsdl'));
  expect(fs.existsSync(file)).toBe(true);
  const [a, b] = await Promise.all([loadVendoredWsdl(), loadVendoredWsdl()]);
  expect(a).toBe(b);
  expect(a.options.handleNilAsNull).toBe(true);
});
