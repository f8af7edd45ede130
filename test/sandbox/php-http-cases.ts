// The raw HTTP requests test/sandbox/php-http-differential.test.ts sends both to PHP's own
// SoapServer (php -S with interop/php_http_router.php, over our WSDL) and to the sandbox: one
// entry per case, the request exactly as it goes on the wire (node-soap's request-response-samples
// style, kept as data). PHP's answer is never written here: it is asked for on every run.
// A case with `deliberate` is one where the sandbox chooses to answer otherwise; it says why and
// what the sandbox answers, and the test checks that PHP does still answer differently.

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const ENC = 'http://schemas.xmlsoap.org/soap/encoding/';

/** A login both servers hand to the operation (the sandbox then refuses the hash: FORBIDDEN). */
const LOGIN =
  '<ns1:login xmlns:ns1="urn:order"><merchantCode>DEMO</merchantCode><date>2020-01-01 00:00:00</date>' +
  '<hash>0</hash><algo>sha256</algo></ns1:login>';

const envelope = (inner: string, attrs = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="${SOAP11}"${attrs}>${inner}</s:Envelope>`;
const withBody = (call: string): string => envelope(`<s:Body>${call}</s:Body>`);
const withHeader = (entries: string, call = LOGIN): string =>
  envelope(`<s:Header>${entries}</s:Header><s:Body>${call}</s:Body>`);

export interface HttpCase {
  name: string;
  method?: string; // POST
  path?: string; // /soap/4.0/
  /** Request headers besides Host, Connection and Content-Length; default a SOAP 1.1 Content-Type. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  deliberate?: {
    why: string;
    sandbox: { status: number; code?: string; stringStartsWith?: string };
    /** What PHP does instead, checked against the live PHP on every run (so this note stays true). */
    php: { status?: number; code?: string; string?: RegExp; contentType?: RegExp };
  };
}

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

export const CASES: HttpCase[] = [
  // Reaching the operation at all.
  { name: 'a login (both hand it to the operation)', body: withBody(LOGIN) },
  { name: 'an unknown operation', body: withBody('<ns1:frobnicate xmlns:ns1="urn:order"/>') },
  { name: 'an unknown operation without a namespace', body: withBody('<frobnicate/>') },
  {
    name: 'an operation element in another namespace (the name is what counts)',
    body: withBody(LOGIN.replace(/ns1/g, 'x').replace('urn:order', 'urn:other')),
  },

  // SOAP versions.
  {
    name: 'a SOAP 1.2 envelope sent to the 1.1 endpoint',
    headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' },
    body: `<e:Envelope xmlns:e="${SOAP12}"><e:Body>${LOGIN}</e:Body></e:Envelope>`,
    deliberate: {
      why: 'PHP answers a 1.2 envelope in SOAP 1.2; the sandbox (like the WSDL) speaks SOAP 1.1 only',
      sandbox: { status: 500, code: 'SOAP-ENV:VersionMismatch', stringStartsWith: 'Wrong Version: ' },
      php: { status: 500, contentType: /^application\/soap\+xml/ },
    },
  },
  {
    name: 'a SOAP 1.2 envelope with a SOAP 1.1 Content-Type',
    body: `<e:Envelope xmlns:e="${SOAP12}"><e:Body>${LOGIN}</e:Body></e:Envelope>`,
    deliberate: {
      why: 'as above: the Content-Type does not matter to either server, the envelope does',
      sandbox: { status: 500, code: 'SOAP-ENV:VersionMismatch', stringStartsWith: 'Wrong Version: ' },
      php: { status: 500, contentType: /^application\/soap\+xml/ },
    },
  },
  { name: 'a root that is not an Envelope', body: '<login xmlns="urn:order"/>' },
  {
    name: 'an Envelope in another namespace',
    body: '<e:Envelope xmlns:e="urn:wrong"><e:Body/></e:Envelope>',
  },
  { name: 'a root element in another namespace', body: '<foo xmlns="urn:x"><bar/></foo>' },
  { name: 'a root element holding text', body: '<?xml version="1.0"?><foo>text</foo>' },
  { name: 'HTML', body: '<html><head><title>x</title></head><body>hi</body></html>' },
  {
    name: 'an Envelope without a namespace',
    body: '<Envelope><Body><login xmlns="urn:order"/></Body></Envelope>',
  },
  { name: 'an envelope in lower case', body: `<s:envelope xmlns:s="${SOAP11}"><s:Body/></s:envelope>` },
  { name: 'a SOAP Body as the root', body: `<s:Body xmlns:s="${SOAP11}">${LOGIN}</s:Body>` },
  { name: 'a SOAP Header as the root', body: `<s:Header xmlns:s="${SOAP11}"/>` },
  { name: 'a Body in another namespace', body: envelope('<x:Body xmlns:x="urn:x"/>') },

  // Content-Type: PHP ignores its value, but reads no body without one, nor a form upload.
  { name: 'no Content-Type', headers: {}, body: withBody(LOGIN) },
  { name: 'an empty Content-Type', headers: { 'Content-Type': '' }, body: withBody(LOGIN) },
  {
    name: 'Content-Type application/json',
    headers: { 'Content-Type': 'application/json' },
    body: withBody(LOGIN),
  },
  { name: 'Content-Type text/plain', headers: { 'Content-Type': 'text/plain' }, body: withBody(LOGIN) },
  {
    name: 'Content-Type application/x-www-form-urlencoded',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: withBody(LOGIN),
  },
  {
    name: 'Content-Type application/soap+xml with a SOAP 1.1 envelope',
    headers: { 'Content-Type': 'application/soap+xml' },
    body: withBody(LOGIN),
  },
  {
    name: 'Content-Type multipart/form-data',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: withBody(LOGIN),
  },
  {
    name: 'Content-Type MULTIPART/FORM-DATA without a boundary',
    headers: { 'Content-Type': 'MULTIPART/FORM-DATA' },
    body: withBody(LOGIN),
  },
  {
    name: 'Content-Type multipart/mixed',
    headers: { 'Content-Type': 'multipart/mixed; boundary=x' },
    body: withBody(LOGIN),
  },
  {
    name: 'a charset that is not UTF-8',
    headers: { 'Content-Type': 'text/xml; charset=iso-8859-1' },
    body: withBody(LOGIN),
    deliberate: {
      why: 'PHP transcodes a declared charset; the sandbox reads UTF-8 only and says so (docs/sandbox.md)',
      sandbox: { status: 500, code: 'SOAP-ENV:Client', stringStartsWith: 'Unsupported charset' },
      php: { code: 'REACHED', string: /^login \["DEMO"/ },
    },
  },

  // Methods and the query string.
  { name: 'GET ?wsdl', method: 'GET', path: '/soap/4.0/?wsdl', headers: {} },
  { name: 'GET ?WSDL', method: 'GET', path: '/soap/4.0/?WSDL', headers: {} },
  { name: 'GET ?wsdl without the trailing slash', method: 'GET', path: '/soap/4.0?wsdl', headers: {} },
  { name: 'GET ?wsdl=1 (not the WSDL for PHP)', method: 'GET', path: '/soap/4.0/?wsdl=1', headers: {} },
  { name: 'GET ?foo&wsdl', method: 'GET', path: '/soap/4.0/?foo&wsdl', headers: {} },
  { name: 'GET without ?wsdl', method: 'GET', headers: {} },
  { name: 'HEAD', method: 'HEAD', headers: {} },
  { name: 'HEAD ?wsdl', method: 'HEAD', path: '/soap/4.0/?wsdl', headers: {} },
  { name: 'PUT with a SOAP body', method: 'PUT', body: withBody(LOGIN) },
  { name: 'DELETE', method: 'DELETE', headers: {} },
  { name: 'OPTIONS', method: 'OPTIONS', headers: {} },
  { name: 'POST ?wsdl is a SOAP call', path: '/soap/4.0/?wsdl', body: withBody(LOGIN) },

  // Bodies that are not a SOAP request.
  { name: 'an empty body', body: '' },
  { name: 'an empty body without a Content-Type', headers: {}, body: '' },
  { name: 'a body of whitespace', body: ' \n\t' },
  { name: 'only an XML declaration', body: '<?xml version="1.0"?>' },
  { name: 'not XML', body: 'hello' },
  { name: 'malformed XML (mismatched tags)', body: '<a><b></a>' },
  { name: 'an unclosed operation element', body: withBody('<ns1:login xmlns:ns1="urn:order">') },
  {
    name: 'a DOCTYPE',
    body: `<!DOCTYPE x []><s:Envelope xmlns:s="${SOAP11}"><s:Body>${LOGIN}</s:Body></s:Envelope>`,
  },
  {
    name: 'bytes that are not UTF-8, without a declaration',
    body: Buffer.concat([
      Buffer.from(withBody(LOGIN).split('DEMO')[0] + 'Z'),
      Buffer.from([0xfc]),
      Buffer.from('rich' + withBody(LOGIN).split('DEMO')[1]),
    ]),
  },
  { name: 'a comment before the root', body: `<!-- c -->${withBody(LOGIN).replace(/^<\?xml[^>]*>\n/, '')}` },

  // The envelope's structure.
  { name: 'an Envelope without a Body', body: envelope('') },
  { name: 'an Envelope with only a Header', body: envelope('<s:Header/>') },
  { name: 'an empty Body', body: withBody('') },
  { name: 'a Body holding only text', body: withBody('hello') },
  { name: 'an element before the Body', body: envelope(`<x/><s:Body>${LOGIN}</s:Body>`) },
  {
    name: 'a Header in another namespace first',
    body: envelope(`<x:Header xmlns:x="urn:x"/><s:Body>${LOGIN}</s:Body>`),
  },
  { name: 'two Headers', body: envelope(`<s:Header/><s:Header/><s:Body>${LOGIN}</s:Body>`) },
  { name: 'text in the Envelope', body: envelope(`junk<s:Body>${LOGIN}</s:Body>`) },
  { name: 'an element after the Body', body: envelope(`<s:Body>${LOGIN}</s:Body><x/>`) },
  { name: 'a Header after the Body', body: envelope(`<s:Body>${LOGIN}</s:Body><s:Header/>`) },
  {
    name: 'two Bodies',
    body: envelope(`<s:Body>${LOGIN}</s:Body><s:Body><frobnicate/></s:Body>`),
    deliberate: {
      why: 'PHP runs the first Body and drops the second unseen; the sandbox refuses the request',
      sandbox: {
        status: 500,
        code: 'SOAP-ENV:Client',
        stringStartsWith: 'SOAP Envelope holds more than one Body',
      },
      php: { code: 'REACHED', string: /^login \["DEMO"/ },
    },
  },
  {
    name: 'two operations in one Body',
    body: withBody(LOGIN + LOGIN),
    deliberate: {
      why: 'PHP runs the first call and drops the second unseen; the sandbox refuses the request',
      sandbox: { status: 500, code: 'SOAP-ENV:Client', stringStartsWith: 'SOAP Body holds more than one' },
      php: { code: 'REACHED', string: /^login \["DEMO"/ },
    },
  },
  {
    name: 'an unqualified attribute on the Envelope',
    body: envelope(`<s:Body>${LOGIN}</s:Body>`, ' foo="1"'),
  },
  { name: 'an unqualified attribute on the Envelope, no Body', body: envelope('<x/>', ' foo="1"') },
  { name: 'xml:lang on the Envelope', body: envelope(`<s:Body>${LOGIN}</s:Body>`, ' xml:lang="en"') },
  {
    name: 'an unqualified attribute on the Header',
    body: envelope(`<s:Header foo="1"/><s:Body>${LOGIN}</s:Body>`),
  },
  { name: 'an unqualified attribute on the Body', body: envelope(`<s:Body foo="1">${LOGIN}</s:Body>`) },
  {
    name: 'SOAP encodingStyle on the Envelope',
    body: envelope(`<s:Body>${LOGIN}</s:Body>`, ` s:encodingStyle="urn:x"`),
  },
  {
    name: 'an unknown encodingStyle on the call',
    body: withBody(LOGIN.replace('<ns1:login ', '<ns1:login s:encodingStyle="urn:bad" ')),
  },
  {
    name: 'the SOAP encoding as the call encodingStyle',
    body: withBody(LOGIN.replace('<ns1:login ', `<ns1:login s:encodingStyle="${ENC}" `)),
  },

  // Header entries and mustUnderstand.
  { name: 'a header entry without mustUnderstand', body: withHeader('<h:F xmlns:h="urn:h">x</h:F>') },
  {
    name: 'mustUnderstand="1" on an unknown header',
    body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="1">x</h:F>'),
  },
  { name: 'mustUnderstand="true"', body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="true"/>') },
  { name: 'mustUnderstand="0"', body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="0"/>') },
  { name: 'mustUnderstand="false"', body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="false"/>') },
  { name: 'mustUnderstand="yes"', body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="yes"/>') },
  { name: 'mustUnderstand="TRUE"', body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="TRUE"/>') },
  { name: 'an unqualified mustUnderstand', body: withHeader('<h:F xmlns:h="urn:h" mustUnderstand="1"/>') },
  {
    name: 'mustUnderstand on a second entry',
    body: withHeader('<h:A xmlns:h="urn:h"/><h:F xmlns:h="urn:h" s:mustUnderstand="1"/>'),
  },
  { name: 'mustUnderstand on an entry without a namespace', body: withHeader('<F s:mustUnderstand="1"/>') },
  {
    name: 'mustUnderstand for another actor',
    body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="1" s:actor="urn:other"/>'),
  },
  {
    name: 'a bad mustUnderstand for another actor',
    body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="yes" s:actor="urn:other"/>'),
  },
  {
    name: 'mustUnderstand for actor next',
    body: withHeader(
      `<h:F xmlns:h="urn:h" s:mustUnderstand="1" s:actor="${SOAP11.replace('envelope/', 'actor/next')}"/>`,
    ),
  },
  {
    name: 'mustUnderstand with an unqualified actor',
    body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="1" actor="urn:other"/>'),
  },
  {
    name: 'an unknown encodingStyle on a header entry',
    body: withHeader('<h:F xmlns:h="urn:h" s:encodingStyle="urn:bad"/>'),
  },
  {
    name: 'mustUnderstand with an unknown operation (the operation is looked up first)',
    body: withHeader(
      '<h:F xmlns:h="urn:h" s:mustUnderstand="1"/>',
      '<ns1:frobnicate xmlns:ns1="urn:order"/>',
    ),
  },
  {
    name: 'mustUnderstand with an empty Body',
    body: envelope('<s:Header><h:F xmlns:h="urn:h" s:mustUnderstand="1"/></s:Header><s:Body/>'),
  },
  {
    name: 'mustUnderstand with two operations (the header is refused first)',
    body: withHeader('<h:F xmlns:h="urn:h" s:mustUnderstand="1"/>', LOGIN + LOGIN),
  },
  {
    name: 'a header entry named like an operation',
    body: withHeader('<h:login xmlns:h="urn:x"><merchantCode>Q</merchantCode></h:login>'),
    deliberate: {
      why: "PHP runs a header entry named like an operation as that operation (here login('Q')); the sandbox never runs a header",
      sandbox: { status: 500, code: 'FORBIDDEN' },
      php: { code: 'REACHED', string: /^login \["Q"/ },
    },
  },
];

export const DEFAULT_HEADERS = XML;
