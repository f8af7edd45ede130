import { ENV_VARIABLES } from '../client/config';

const env = Object.entries(ENV_VARIABLES)
  .map(([name, what]) => `  ${name.padEnd(27)} ${what}`)
  .join('\n');

export const DOCTOR_HELP = `twocheckout-sync doctor: check the connection to 2Checkout before the first night

Usage: twocheckout-sync doctor [--customer REF] [--json] [--url URL] [--timeout-ms N] [--dotenv FILE]

Reads the same configuration as the sync (the environment and .env) and checks, in order:
  configuration  the TWOCHECKOUT_* variables are complete and valid
  reachable      the service URL answers (DNS, firewall, proxy)
  tls            the certificate verifies; if not, which CA problem it is
  wsdl           the service's ?wsdl has the operations and parameters of the vendored WSDL
  clock          the local clock against the server's HTTP Date header
  login          a real login with the configured hash algorithm; when it is refused (FORBIDDEN),
                 the likely causes in order, each with what to check: a wrong secret key, MD5 vs
                 SHA, clock skew, the account's API IP allow-list
  customer       with --customer, reads that customer

Options
  --customer REF   also read this customer: digits are an AvangateCustomerReference, anything else
                   (or ext:REF) an ExternalCustomerReference
  --json           one JSON document on stdout instead of text
  --no-probe       when the login is refused, do not try the other hash algorithms (by default the
                   doctor tries them, at most two more logins, to tell MD5 vs SHA apart)
  --url URL        service URL (overrides TWOCHECKOUT_SOAP_URL)
  --timeout-ms N   per-request timeout (overrides TWOCHECKOUT_TIMEOUT_MS)
  --dotenv FILE    read variables from FILE instead of ./.env (old spelling: --env-file)
  -h, --help       this text

It never prints the secret key, a login hash or a session ID.

Variables:
${env}

Exit codes
  0    every check passed (warnings are listed but do not fail)
  2    a check failed, or bad options or configuration
`;
