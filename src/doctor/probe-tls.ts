import net from 'node:net';
import tls from 'node:tls';

/** The certificate a server presented, as far as an operator needs it. */
export interface PeerCertificate {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Subject alternative names, e.g. `DNS:api.2checkout.com`. */
  altNames?: string;
  selfSigned: boolean;
  /** Issuer names up the chain the server sent, leaf first. */
  chain: string[];
}

export interface TlsInspection {
  /** Whether Node (with the configured extra CAs) trusts the chain. */
  authorized: boolean;
  /** OpenSSL's reason when it does not, e.g. SELF_SIGNED_CERT_IN_CHAIN. */
  authorizationError?: string;
  /** Set when the certificate does not name the host. */
  hostnameError?: string;
  certificate?: PeerCertificate;
}

type Name = Record<string, string | string[] | undefined> | undefined;

function describeName(name: Name): string {
  if (!name) return '(none)';
  const parts = ['CN', 'O', 'OU']
    .map((k) => [k, name[k]] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`);
  return parts.length > 0 ? parts.join(', ') : '(empty)';
}

function describe(cert: tls.DetailedPeerCertificate): PeerCertificate {
  const chain: string[] = [];
  const seen = new Set<string>();
  let at: tls.DetailedPeerCertificate | undefined = cert;
  while (at && chain.length < 10) {
    const id = at.fingerprint256 ?? String(chain.length);
    if (seen.has(id)) break;
    seen.add(id);
    chain.push(describeName(at.subject as Name));
    at = at.issuerCertificate && at.issuerCertificate !== at ? at.issuerCertificate : undefined;
  }
  const subject = describeName(cert.subject as Name);
  const issuer = describeName(cert.issuer as Name);
  return {
    subject,
    issuer,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    ...(cert.subjectaltname ? { altNames: cert.subjectaltname } : {}),
    selfSigned: subject === issuer,
    chain,
  };
}

/**
 * Opens a TLS connection (no request is sent) to read the certificate and let Node judge it with
 * the same trust store as the client (system roots plus the configured CA file). Direct
 * connections only: behind a proxy the client's own request is the test. Bounded by timeoutMs.
 */
export function inspectTls(
  serviceUrl: string,
  extraCa: string | undefined,
  timeoutMs: number,
): Promise<TlsInspection> {
  const u = new URL(serviceUrl);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || 443);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ...(net.isIP(host) ? {} : { servername: host }),
      ...(extraCa ? { ca: [...tls.rootCertificates, extraCa] } : {}),
      // Judged below instead: we want the certificate even when it is not trusted.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(
      () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate(true);
      const hasCert = cert && Object.keys(cert).length > 0;
      const hostnameError = hasCert ? tls.checkServerIdentity(host, cert) : undefined;
      const authorizationError = socket.authorizationError;
      resolve({
        authorized: socket.authorized,
        ...(authorizationError ? { authorizationError: String(authorizationError) } : {}),
        ...(hostnameError ? { hostnameError: hostnameError.message } : {}),
        ...(hasCert ? { certificate: describe(cert) } : {}),
      });
      socket.end();
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

const FIX =
  'If you trust this certificate (a TLS-inspecting proxy or a private CA), put its CA certificate (PEM) ' +
  'in TWOCHECKOUT_CA_FILE; it is added to the system roots. Do not turn verification off in production.';

/** A sentence naming the CA problem behind an OpenSSL / Node TLS error code, and the fix. */
export function explainTlsError(code: string, cert?: PeerCertificate): string {
  const issuer = cert ? ` (issuer ${cert.issuer})` : '';
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return `the server's certificate is self-signed${cert ? ` (${cert.subject})` : ''} and not trusted. ${FIX}`;
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `the chain ends in a self-signed root that is not trusted${issuer}, typical of a TLS-inspecting proxy or a private CA. ${FIX}`;
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return `the CA that issued the certificate${issuer} is not among the trusted roots. ${FIX}`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `the certificate${issuer} cannot be verified: the server sends an incomplete chain or its CA is not trusted. ${FIX}`;
    case 'CERT_HAS_EXPIRED':
      return `the certificate expired${cert ? ` on ${cert.validTo}` : ''}; if that date has not passed, the local clock is wrong.`;
    case 'CERT_NOT_YET_VALID':
      return `the certificate is not valid before ${cert ? cert.validFrom : 'its start date'}: check the local clock.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the certificate is for other host names${cert?.altNames ? ` (${cert.altNames})` : ''}: check TWOCHECKOUT_SOAP_URL.`;
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'the server does not speak TLS on that port (is the URL http rather than https?) or the protocol versions do not match.';
    default:
      return `TLS verification failed (${code}). ${FIX}`;
  }
}
