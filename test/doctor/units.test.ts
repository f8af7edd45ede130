// The doctor's pure parts: argument parsing, the skew arithmetic and the cause ratings.
import { parseCustomerKey, parseDoctorArgs } from '../../src/doctor/args';
import { diagnoseLogin, type LoginEvidence } from '../../src/doctor/causes';
import { describeSkew, measureSkew, skewBeyond } from '../../src/doctor/clock';
import { wsdlUrlOf } from '../../src/doctor/probe-http';
import { explainTlsError } from '../../src/doctor/probe-tls';

describe('arguments', () => {
  test('customer keys: digits are AvangateCustomerReference, the rest (or ext:) external', () => {
    expect(parseCustomerKey('1001')).toBe(1001);
    expect(parseCustomerKey('CRM-0001')).toEqual({ external: 'CRM-0001' });
    expect(parseCustomerKey('ext:1001')).toEqual({ external: '1001' });
    expect(() => parseCustomerKey('0')).toThrow(/not a valid AvangateCustomerReference/);
  });

  test('the sync overrides, --json, --no-probe; bad values are usage errors', () => {
    expect(
      parseDoctorArgs(['--json', '--no-probe', '--url', 'https://x.test/soap/4.0/', '--timeout-ms', '500']),
    ).toEqual({
      kind: 'run',
      settings: {
        json: true,
        probeAlgorithms: false,
        client: { url: 'https://x.test/soap/4.0/', timeoutMs: 500 },
      },
    });
    expect(parseDoctorArgs(['-h'])).toEqual({ kind: 'help' });
    expect(() => parseDoctorArgs(['--url', 'x.test'])).toThrow(/--url must be an absolute http\(s\) URL/);
    expect(() => parseDoctorArgs(['--timeout-ms', '1s'])).toThrow(/--timeout-ms must be a whole number/);
    expect(() => parseDoctorArgs(['extra'])).toThrow(/unexpected argument "extra"/);
  });

  test('--dotenv names the .env file, as for the sync; --env-file is the old spelling', () => {
    const client = (argv: string[]) => {
      const c = parseDoctorArgs(argv);
      return c.kind === 'run' ? c.settings.client : undefined;
    };
    expect(client(['--dotenv', 'prod.env'])).toEqual({ envFile: 'prod.env' });
    expect(client(['--env-file', 'prod.env'])).toEqual({ envFile: 'prod.env' });
    expect(() => parseDoctorArgs(['--dotenv', 'a.env', '--env-file', 'b.env'])).toThrow(/give one/);
  });

  test('the ?wsdl URL keeps an existing query', () => {
    expect(wsdlUrlOf('https://api.2checkout.com/soap/4.0/')).toBe('https://api.2checkout.com/soap/4.0/?wsdl');
    expect(wsdlUrlOf('http://h/soap/4.0/?a=1')).toBe('http://h/soap/4.0/?a=1&wsdl');
  });
});

describe('clock skew', () => {
  test('the Date header second is compared with the middle of the exchange', () => {
    const sent = Date.UTC(2026, 0, 1, 12, 0, 0, 0);
    const skew = measureSkew('Thu, 01 Jan 2026 12:20:00 GMT', sent, sent + 200);
    expect(skew).toMatchObject({ skewMs: 20 * 60_000 + 400, uncertaintyMs: 600 });
    expect(skewBeyond(skew!, 60_000)).toBe(true);
    expect(describeSkew(skew!)).toBe("the local clock is 1200.4 s behind the server's Date header (±0.6 s)");
    const ahead = measureSkew('Thu, 01 Jan 2026 11:59:00 GMT', sent, sent);
    expect(describeSkew(ahead!)).toMatch(/59\.5 s ahead of/);
    const same = measureSkew('Thu, 01 Jan 2026 12:00:00 GMT', sent, sent + 10);
    expect(skewBeyond(same!, 1000)).toBe(false);
    expect(describeSkew(same!)).toMatch(/agrees/);
    expect(measureSkew(undefined, sent, sent)).toBeUndefined();
    expect(measureSkew('yesterday', sent, sent)).toBeUndefined();
  });
});

describe('causes of a refused login', () => {
  const base: LoginEvidence = {
    merchantCode: 'ACME',
    algorithm: 'sha256',
    faultString: 'Invalid hash provided',
    skew: { skewMs: 100, uncertaintyMs: 600, serverDate: 'x' },
    probes: [
      { algorithm: 'sha3-256', outcome: 'refused' },
      { algorithm: 'md5', outcome: 'refused' },
    ],
    remoteAddress: '203.0.113.9',
    remoteFamily: 'IPv4',
    viaProxy: false,
  };
  const rated = (e: LoginEvidence) => diagnoseLogin(e).map((c) => `${c.id}:${c.likelihood}`);

  test('always the same four, in order', () => {
    expect(rated(base)).toEqual([
      'wrong-secret:likely',
      'hash-algorithm:unlikely',
      'clock-skew:unlikely',
      'ip-allow-list:possible',
    ]);
  });

  test('an account that still takes MD5: set md5, and say it is retired', () => {
    const causes = diagnoseLogin({
      ...base,
      probes: [
        { algorithm: 'sha3-256', outcome: 'refused' },
        { algorithm: 'md5', outcome: 'accepted' },
      ],
    });
    expect(causes[1]).toMatchObject({ likelihood: 'likely' });
    expect(causes[1].check).toMatch(/^set TWOCHECKOUT_HASH_ALGORITHM=md5 for now: .*retired in 2024/);
    expect(causes[0].likelihood).toBe('unlikely');
  });

  test('IPv6 makes the allow-list likely; a proxy is named; no Date header leaves the clock possible', () => {
    expect(rated({ ...base, remoteAddress: '2001:db8::1', remoteFamily: 'IPv6' })[3]).toBe(
      'ip-allow-list:likely',
    );
    const viaProxy = diagnoseLogin({ ...base, viaProxy: true, remoteAddress: '10.0.0.1' });
    expect(viaProxy[3].evidence).toMatch(/through a proxy \(10\.0\.0\.1\)/);
    const { skew: _unused, ...noSkew } = base;
    expect(rated(noSkew)[2]).toBe('clock-skew:possible');
  });

  test('a faultstring about the date makes the clock likely even without a skew measure', () => {
    expect(
      rated({ ...base, faultString: 'Invalid date: more than 600 seconds from the server time' })[2],
    ).toBe('clock-skew:likely');
  });
});

test('TLS error codes are explained with the fix', () => {
  expect(explainTlsError('SELF_SIGNED_CERT_IN_CHAIN')).toMatch(/TLS-inspecting proxy .* TWOCHECKOUT_CA_FILE/);
  expect(explainTlsError('CERT_HAS_EXPIRED')).toMatch(/local clock is wrong/);
  expect(explainTlsError('ERR_TLS_CERT_ALTNAME_INVALID')).toMatch(/other host names/);
  expect(explainTlsError('SOMETHING_NEW')).toMatch(/TLS verification failed \(SOMETHING_NEW\)/);
});
