// Other SOAP stacks accept the vendored WSDL: PHP's SoapClient/SoapServer (what 2Checkout runs) and
// Python's zeep. Neither is optional: a missing tool fails the test with the package to install.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { schema } from '../../generated/twocheckout/schema';
import { vendoredWsdlPath } from '../../src/soap';

const OPERATIONS = Object.keys(schema.operations).sort();
const PYTHON = '/usr/bin/python3';

function run(
  cmd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, missing: !!err && err.code === 'ENOENT' });
    });
  });
}

test('the WSDL declares the 17 operations of the issue', () => {
  expect(OPERATIONS).toHaveLength(17);
});

test('PHP SoapClient and SoapServer load the WSDL without warnings and see every operation', async () => {
  const out = await run('php', [
    '-d',
    'error_reporting=E_ALL',
    path.join(__dirname, 'php_load.php'),
    vendoredWsdlPath(),
  ]);
  if (out.missing) throw new Error('php is not installed: apt-get install -y php-cli php-soap');
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  const seen = JSON.parse(out.stdout) as { clientOperations: string[]; clientSignatures: string[] };
  expect(seen.clientOperations).toEqual(OPERATIONS);
  expect(seen.clientSignatures).toContain(
    'Customer getCustomerInformation(string $sessionID, int $AvangateCustomerReference, string $ExternalCustomerReference)',
  );
  expect(seen.clientSignatures).toContain(
    'string login(string $merchantCode, string $date, string $hash, string $algo)',
  );
  expect(seen.clientSignatures).toContain(
    'boolean updateCustomerInformation(string $sessionID, Customer $Customer, boolean $UpdateEndUserSubscriptions)',
  );
});

test('zeep loads the WSDL offline and lists every operation', async () => {
  const out = await run(PYTHON, [path.join(__dirname, 'zeep_load.py'), vendoredWsdlPath()]);
  if (out.missing) throw new Error(`${PYTHON} is not installed: apt-get install -y python3-zeep`);
  if (/No module named .?zeep/.test(out.stderr))
    throw new Error('python3-zeep is not installed: apt-get install -y python3-zeep');
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout)).toEqual({
    'OrderAPIService/OrderAPIPort': OPERATIONS,
    login: 'merchantCode: xsd:string, date: xsd:string, hash: xsd:string, algo: xsd:string',
  });
});
