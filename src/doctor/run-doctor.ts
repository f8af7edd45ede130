// The connection doctor: the checks in order, each building on what the one before learnt.
// Everything network-facing goes through the client's own pieces (its options, its transport, a
// real client's login), so the doctor sees exactly what the nightly sync will see.
import { createTwoCheckoutClient, type TwoCheckoutClient } from '../facade/create-client';
import { optionsFromEnv, type Env } from '../client/config';
import { TLS_CODES } from '../client/error-factory';
import { AuthenticationError, ConfigError, NotFoundError, TwoCheckoutError } from '../client/errors';
import { HASH_ALGORITHMS, type HashAlgorithm } from '../client/hash';
import type { Logger } from '../client/observability';
import { resolveOptions, type ResolvedOptions, type TwoCheckoutClientOptions } from '../client/options';
import type { CustomerKey } from '../customers/api';
import { vendoredWsdlPath } from '../soap/wsdl';
import { diffWsdlModels } from '../soap/wsdl-diff';
import { readWsdlModel, wsdlModelFromText } from '../soap/wsdl-model';
import { createHttpTransport } from '../soap/transport';
import type { DoctorSettings } from './args';
import { diagnoseLogin, type AlgorithmProbe } from './causes';
import { CLOCK_WARN_MS, describeSkew, measureSkew, skewBeyond, type ClockSkew } from './clock';
import { MAX_WSDL_BYTES, probeHttp, type HttpProbe } from './probe-http';
import { explainTlsError, inspectTls, type TlsInspection } from './probe-tls';
import { finish, type Check, type CheckId, type DoctorReport } from './report';

/** What the doctor reads from outside its settings. */
export interface DoctorDeps {
  /** The environment to read; default process.env plus ./.env, exactly as the sync reads it. */
  env?: Env;
}

const MAX_DIFF_LINES = 15;

const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function check(id: CheckId, status: Check['status'], summary: string, details: string[] = []): Check {
  return { id, status, summary, details };
}

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function describeKey(key: CustomerKey): string {
  return typeof key === 'number'
    ? `AvangateCustomerReference ${key}`
    : `ExternalCustomerReference ${JSON.stringify(key.external)}`;
}

function configurationCheck(o: ResolvedOptions, proxy: string | undefined): Check {
  const details = [`timeout ${o.timeoutMs} ms per request, deadline ${o.deadlineMs} ms per call`];
  if (proxy) details.push(`proxy ${proxy}`);
  if (o.extraCa) details.push('extra trusted CA certificates from TWOCHECKOUT_CA_FILE');
  let status: Check['status'] = 'ok';
  if (o.hashAlgorithm === 'md5') {
    status = 'warn';
    details.push(
      'TWOCHECKOUT_HASH_ALGORITHM=md5: the legacy 3-part MD5 login, which 2Checkout retired for its API in 2024',
    );
  }
  if (o.tlsInsecure) {
    status = 'warn';
    details.push('TWOCHECKOUT_TLS_INSECURE=true: certificate verification is OFF (never in production)');
  }
  return check(
    'configuration',
    status,
    `merchant ${o.merchantCode}, login hash ${o.hashAlgorithm}, ${o.url}`,
    details,
  );
}

function networkHint(code: string | undefined, url: URL, timeoutMs: number): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS cannot resolve ${url.hostname}: check the host in TWOCHECKOUT_SOAP_URL and the DNS settings (or set a proxy)`;
    case 'ECONNREFUSED':
      return `nothing accepts connections on ${url.host}: check TWOCHECKOUT_SOAP_URL, and that a firewall lets this host out`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no route to ${url.hostname}: outbound traffic may need a proxy (HTTPS_PROXY or TWOCHECKOUT_PROXY)`;
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset: a firewall or proxy may block it';
    case 'EPROXY':
      return 'the proxy refused the tunnel: check the proxy URL and its credentials (TWOCHECKOUT_PROXY / HTTPS_PROXY)';
    default:
      return `no answer within ${timeoutMs} ms: a firewall may drop the traffic; behind a proxy set HTTPS_PROXY or TWOCHECKOUT_PROXY`;
  }
}

function reachCheck(probe: HttpProbe, url: URL, timeoutMs: number, proxy: string | undefined): Check {
  const via = proxy ? ` through proxy ${proxy}` : '';
  const peer = probe.remoteAddress
    ? [`connected to ${probe.remoteAddress}${probe.remoteFamily ? ` (${probe.remoteFamily})` : ''}${via}`]
    : [];
  if (probe.status !== undefined) {
    return check('reachable', 'ok', `HTTP ${probe.status} for GET ${probe.url}`, peer);
  }
  const code = probe.error?.code;
  if (code && TLS_CODES.has(code)) {
    return check('reachable', 'ok', `${url.host} answered${via}; the TLS handshake failed (see tls)`);
  }
  return check(
    'reachable',
    'fail',
    `cannot reach ${url.host}${via}: ${probe.error?.message ?? 'no answer'}`,
    [networkHint(code, url, timeoutMs)],
  );
}

function certificateLines(inspection: TlsInspection | undefined): string[] {
  const cert = inspection?.certificate;
  if (!cert) return [];
  const lines = [
    `certificate: ${cert.subject}; issuer ${cert.issuer}${cert.selfSigned ? ' (self-signed)' : ''}`,
    `valid ${cert.validFrom} to ${cert.validTo}`,
  ];
  if (cert.chain.length > 1) lines.push(`chain sent: ${cert.chain.join(' <- ')}`);
  return lines;
}

async function tlsCheck(
  probe: HttpProbe,
  url: URL,
  o: ResolvedOptions,
  proxy: string | undefined,
): Promise<Check> {
  if (url.protocol === 'http:') {
    return isLoopback(url)
      ? check('tls', 'skip', 'plain http to this machine (a local sandbox): no TLS')
      : check(
          'tls',
          'warn',
          'plain http: the login hash and the session ID travel unencrypted (the live service is https)',
        );
  }
  // The certificate is read directly; behind a proxy the client's own request above is the test.
  const inspection = proxy
    ? undefined
    : await inspectTls(o.url, o.extraCa, o.timeoutMs).catch(() => undefined);
  const code = probe.error?.code;
  if (code && TLS_CODES.has(code)) {
    return check('tls', 'fail', `the certificate is not trusted (${code})`, [
      explainTlsError(code, inspection?.certificate),
      ...certificateLines(inspection),
    ]);
  }
  if (probe.status === undefined) return check('tls', 'skip', 'needs a reachable service');
  if (o.tlsInsecure) {
    const would =
      inspection && !inspection.authorized
        ? [
            `with verification on it would fail: ${explainTlsError(inspection.authorizationError ?? 'CERT_UNTRUSTED', inspection.certificate)}`,
          ]
        : [];
    return check('tls', 'warn', 'certificate verification is DISABLED (TWOCHECKOUT_TLS_INSECURE)', [
      ...would,
      ...certificateLines(inspection),
    ]);
  }
  const summary = proxy
    ? `verified end to end through proxy ${proxy}`
    : inspection?.certificate
      ? `verified: ${inspection.certificate.subject}, valid until ${inspection.certificate.validTo}`
      : 'verified';
  return check('tls', 'ok', summary, certificateLines(inspection));
}

async function wsdlCheck(probe: HttpProbe): Promise<Check> {
  if (probe.status === undefined) return check('wsdl', 'skip', 'needs a reachable service');
  if (probe.status !== 200) {
    return check('wsdl', 'fail', `GET ?wsdl answered HTTP ${probe.status}, not the WSDL`, [
      'is TWOCHECKOUT_SOAP_URL the SOAP API 4.0 endpoint (https://api.2checkout.com/soap/4.0/)?',
    ]);
  }
  let fetched;
  try {
    fetched = await wsdlModelFromText(probe.body ?? '');
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return check('wsdl', 'fail', 'the answer to ?wsdl is not a WSDL this client can read', [
      `${probe.contentType ?? 'no content type'}: ${reason.slice(0, 200)}`,
    ]);
  }
  const vendored = await readWsdlModel(vendoredWsdlPath());
  const diff = diffWsdlModels(vendored, fetched, { ignoreLocation: true });
  const ops = Object.keys(vendored.operations).length;
  if (diff.length === 0) {
    return check('wsdl', 'ok', `matches the vendored WSDL (${ops} operations, their parameters and types)`);
  }
  const lines = diff.slice(0, MAX_DIFF_LINES).map((d) => d.text);
  if (diff.length > MAX_DIFF_LINES) lines.push(`… and ${diff.length - MAX_DIFF_LINES} more`);
  lines.push(
    'see all: npm run wsdl:fetch -- --check --url <service>?wsdl; adopt it: npm run wsdl:fetch, npm run generate',
  );
  const breaking = diff.filter((d) => d.change !== 'added');
  return breaking.length === 0
    ? check('wsdl', 'warn', `the service offers ${diff.length} addition(s) beyond the vendored WSDL`, lines)
    : check(
        'wsdl',
        'fail',
        `differs from the vendored WSDL: ${breaking.length} removal(s) or change(s), ${diff.length - breaking.length} addition(s)`,
        lines,
      );
}

function clockCheck(probe: HttpProbe): { check: Check; skew?: ClockSkew } {
  if (probe.status === undefined) return { check: check('clock', 'skip', 'needs an HTTP answer') };
  const skew = measureSkew(probe.date, probe.sentAt, probe.receivedAt);
  if (!skew) return { check: check('clock', 'skip', 'the server sent no usable Date header') };
  const c = check(
    'clock',
    skewBeyond(skew, CLOCK_WARN_MS) ? 'warn' : 'ok',
    describeSkew(skew),
    skewBeyond(skew, CLOCK_WARN_MS)
      ? ['the login date is the local clock in UTC: synchronize it with NTP (timedatectl, chronyc)']
      : [],
  );
  c.data = { skewMs: skew.skewMs, uncertaintyMs: skew.uncertaintyMs, serverDate: skew.serverDate };
  return { check: c, skew };
}

function failureDetails(err: TwoCheckoutError, timeoutMs: number): string[] {
  switch (err.kind) {
    case 'timeout':
      return [`no answer within the limits (TWOCHECKOUT_TIMEOUT_MS=${timeoutMs}, TWOCHECKOUT_DEADLINE_MS)`];
    case 'transient':
      return ['the service or the network failed; try again later'];
    case 'tls':
      return ['see the tls check'];
    default:
      return [];
  }
}

async function probeAlgorithms(
  options: TwoCheckoutClientOptions,
  configured: HashAlgorithm,
): Promise<AlgorithmProbe[]> {
  const probes: AlgorithmProbe[] = [];
  for (const algorithm of HASH_ALGORITHMS) {
    if (algorithm === configured) continue;
    const client = createTwoCheckoutClient({ ...options, hashAlgorithm: algorithm, logger: quietLogger });
    try {
      await client.connect();
      probes.push({ algorithm, outcome: 'accepted' });
      break; // one that works is the answer; no further logins needed
    } catch (err) {
      const e = err instanceof TwoCheckoutError ? err : undefined;
      probes.push({
        algorithm,
        outcome: err instanceof AuthenticationError ? 'refused' : 'error',
        ...(e ? { message: e.faultString ?? e.message } : {}),
      });
    } finally {
      await client.close();
    }
  }
  return probes;
}

/** Runs every check and returns the report; never throws for a failed check. */
export async function runDoctor(settings: DoctorSettings, deps: DoctorDeps = {}): Promise<DoctorReport> {
  const checks: Check[] = [];
  let options: TwoCheckoutClientOptions;
  let o: ResolvedOptions;
  try {
    options = optionsFromEnv(deps.env, { ...settings.client });
    o = resolveOptions(options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Every missing or invalid variable at once: one line each, then where they come from.
    const each = err.problems.length > 1 ? err.problems.map((p) => p.message) : [];
    checks.push(
      check('configuration', 'fail', err.message, [
        ...each,
        'credentials come from the environment or .env (see .env.example), never from the command line',
      ]),
    );
    return finish({ checks });
  }
  const head = { url: o.url, merchantCode: o.merchantCode, hashAlgorithm: o.hashAlgorithm };
  const url = new URL(o.url);
  const transport = createHttpTransport({
    endpoint: o.url,
    maxSockets: 2,
    maxResponseBytes: MAX_WSDL_BYTES,
    proxy: o.proxy,
    env: o.env,
    ...(o.extraCa ? { extraCa: o.extraCa } : {}),
    tlsInsecure: o.tlsInsecure,
  });
  const proxy = transport.proxyForLog;
  let probe: HttpProbe;
  try {
    checks.push(configurationCheck(o, proxy));
    probe = await probeHttp(transport, o.url, o.timeoutMs);
  } finally {
    transport.close();
  }
  const reach = reachCheck(probe, url, o.timeoutMs, proxy);
  checks.push(reach);
  const tls = await tlsCheck(probe, url, o, proxy);
  checks.push(tls);
  checks.push(await wsdlCheck(probe));
  const clock = clockCheck(probe);
  checks.push(clock.check);

  if (reach.status === 'fail' || tls.status === 'fail') {
    const why = reach.status === 'fail' ? 'needs a reachable service' : 'needs TLS to verify';
    checks.push(check('login', 'skip', why));
    checks.push(check('customer', 'skip', why));
    return finish({ ...head, checks });
  }

  const client: TwoCheckoutClient = createTwoCheckoutClient({ ...options, logger: quietLogger });
  try {
    let loggedIn = false;
    try {
      await client.connect();
      loggedIn = true;
      checks.push(
        check(
          'login',
          'ok',
          `logged in as ${o.merchantCode} with ${o.hashAlgorithm} (the session ID is not shown)`,
        ),
      );
    } catch (err) {
      if (!(err instanceof TwoCheckoutError)) throw err;
      if (err instanceof AuthenticationError) {
        const faultString = err.faultString ?? err.message;
        const probes = settings.probeAlgorithms ? await probeAlgorithms(options, o.hashAlgorithm) : undefined;
        const login = check('login', 'fail', `refused: ${err.faultCode ?? 'FORBIDDEN'}: ${faultString}`);
        login.causes = diagnoseLogin({
          merchantCode: o.merchantCode,
          algorithm: o.hashAlgorithm,
          faultString,
          ...(clock.skew ? { skew: clock.skew } : {}),
          ...(probes ? { probes } : {}),
          ...(probe.remoteAddress ? { remoteAddress: probe.remoteAddress } : {}),
          ...(probe.remoteFamily ? { remoteFamily: probe.remoteFamily } : {}),
          viaProxy: proxy !== undefined,
        });
        if (probes) login.data = { probes };
        checks.push(login);
      } else {
        checks.push(check('login', 'fail', err.message, failureDetails(err, o.timeoutMs)));
      }
    }

    const key = settings.customer;
    if (key === undefined) {
      checks.push(check('customer', 'skip', 'give --customer REF to also read one customer'));
    } else if (!loggedIn) {
      checks.push(check('customer', 'skip', 'needs a successful login'));
    } else {
      try {
        const c = await client.customers.get(key);
        const ext = c.ExternalCustomerReference
          ? `, ExternalCustomerReference ${c.ExternalCustomerReference}`
          : '';
        checks.push(
          check('customer', 'ok', `read AvangateCustomerReference ${c.AvangateCustomerReference}${ext}`),
        );
      } catch (err) {
        if (!(err instanceof TwoCheckoutError)) throw err;
        checks.push(
          check(
            'customer',
            'fail',
            err instanceof NotFoundError ? `no customer with ${describeKey(key)}` : err.message,
            err instanceof NotFoundError ? [] : failureDetails(err, o.timeoutMs),
          ),
        );
      }
    }
  } finally {
    await client.close();
  }
  return finish({ ...head, checks });
}
