// The sandbox's hand-written XML parser against saxes, the well-formedness-checking parser it
// replaced: over a generated corpus of SOAP-like documents, valid and broken (names, namespaces,
// attributes, references, comments, processing instructions, CDATA, declarations, DOCTYPEs,
// characters XML forbids, then random single-character edits), both must accept the same
// documents and build the same tree. saxes is the oracle here because it checks well-formedness
// to the letter of XML 1.0 + Namespaces; the new parser must never accept more.
import fc from 'fast-check';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SoapFault } from '../../src/sandbox/faults/soap-fault';
import { DoctypeRefused, parseXml, type XmlElement } from '../../src/sandbox/xml/parse-xml';

interface Tree {
  local: string;
  uri: string;
  attributes: { uri: string; local: string; value: string }[];
  children: Tree[];
  text: string;
}

/** The sandbox's parser before: saxes in xmlns mode, every DOCTYPE refused. */
function saxesTree(xml: string): Tree | 'refused' {
  const parser = new SaxesParser({ xmlns: true, forceXMLVersion: true, defaultXMLVersion: '1.0' });
  const stack: Tree[] = [];
  let root: Tree | undefined;
  let refused = false;
  parser.on('doctype', () => {
    refused = true;
    throw new Error('doctype');
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^(utf-?8|(us-)?ascii)$/i.test(decl.encoding)) {
      refused = true;
      throw new Error('encoding');
    }
  });
  parser.on('error', (err) => {
    refused = true;
    throw err;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const t: Tree = {
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
    else root = t;
    if (!tag.isSelfClosing) stack.push(t);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (text: string): void => {
    const t = stack[stack.length - 1];
    if (t) t.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch {
    return 'refused';
  }
  return refused || !root ? 'refused' : root;
}

function strip(e: XmlElement): Tree {
  return {
    local: e.local,
    uri: e.uri,
    attributes: e.attributes.map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
    children: e.children.map(strip),
    text: e.text,
  };
}

function ourTree(xml: string): Tree | 'refused' {
  try {
    return strip(parseXml(xml));
  } catch (err) {
    if (err instanceof SoapFault || err instanceof DoctypeRefused) return 'refused';
    throw err; // anything else is a bug in the parser
  }
}

// Each pool: what is well-formed in its place, and what is not (picked 1 time in 25).
const NAMES = [
  [
    'a',
    'b',
    'ns1:op',
    'soap:Body',
    'x:y',
    'é',
    'a-b.c',
    '_x',
    'Ŀ·',
    '\u{10000}z',
    'xml:lang',
    'a\u0300',
    'xmlns',
  ],
  [':a', 'a:', 'a:b:c', '1a', 'xmlns:p', 'p:q', '-a', 'a b'],
];
const ATTRIBUTES = [
  [
    'xmlns:ns1="urn:order"',
    'xmlns:x="urn:x"',
    'xmlns:p="urn:x"',
    'xmlns="urn:d"',
    'xmlns=""',
    'xmlns:q=" urn:q "',
    'xmlns:xml="http://www.w3.org/XML/1998/namespace"',
    'xsi:nil="true"',
    'a="1"',
    "b='1'",
    'c="&lt;&#65;&#x42;&quot;&apos;&gt;&amp;"',
    'd="x\ty\r\nz\rw\nv"',
    'e="&#9;&#10;&#13;"',
    'f="a>b"',
    'ns1:a="1"',
    'x:a="3"',
    'xml:lang="en"',
    'a2 = "spaced"',
    'é="v"',
    'g="😀"',
    "h='\"'",
  ],
  [
    'xmlns:p=""',
    'xmlns:xml="urn:x"',
    'xmlns:xmlns="http://www.w3.org/2000/xmlns/"',
    'xmlns:p="http://www.w3.org/2000/xmlns/"',
    'xmlns:p="http://www.w3.org/XML/1998/namespace"',
    'xmlns="http://www.w3.org/XML/1998/namespace"',
    'i="<"',
    'j="&bogus;"',
    'k="&#0;"',
    'l="&#X41;"',
    'm="&#x110000;"',
    'n="&;"',
    'o="&amp"',
    'p:a="2"',
    'r',
    's=1',
    't="\u0001"',
    'u="\uFFFE"',
    'v="1"w="2"',
  ],
];
const TEXTS = [
  [
    'x',
    ' ',
    '\r\n',
    '\r',
    '\t',
    '&amp;',
    '&lt;&gt;&quot;&apos;',
    '&#x1F600;',
    '&#65;',
    ']]',
    ']',
    ']]&gt;',
    '>',
    '<![CDATA[a]]>',
    '<![CDATA[]]>',
    '<![CDATA[<&]]]>',
    '<![CDATA[x\r\ny]]>',
    '<!-- c -->',
    '<!---->',
    '<!-- - -->',
    '<?pi x?>',
    '<?pi?>',
    '<?pi?x?>',
    '<?xml-stylesheet x?>',
    '\uFEFF',
    '😀',
    'é',
  ],
  [
    '&#0;',
    '&#xD800;',
    '&nbsp;',
    '&',
    '&;',
    ']]>',
    '<!-- -- -->',
    '<!--->',
    '<!-- a --->',
    '<?p:i?>',
    '<? pi?>',
    '<?xml x?>',
    '<?XmL?>',
    '\u0001',
    '\u000B',
    '\uFFFE',
    '\uFFFF',
    '<!DOCTYPE x>',
    '<!ELEMENT x>',
    '<!x>',
    '</>',
  ],
];
const PROLOGS = [
  [
    '',
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="utf-8" standalone="no"?>',
    "<?xml version='1.1' standalone='yes'?>",
    '<?xml version = "1.0" ?>',
    '\uFEFF',
    '\uFEFF<?xml version="1.0"?>',
    '<!-- pre -->',
    '<?pi?>',
    '\n',
  ],
  [
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<?xml version="1.0" standalone="maybe"?>',
    '<?xml version="2.0"?>',
    '<?xml encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="UTF-8" version="1.0"?>',
    '<?xml standalone="yes" encoding="UTF-8"?>',
    '<?xml version="1.0"encoding="UTF-8"?>',
    '<?xml version="1.0?>',
    '<?xml?>',
    '<?xml ?>',
    '<?xml version=1.0?>',
    '<?xml version="1.0" encoding="8bit"?>',
    ' <?xml version="1.0"?>',
    '<!DOCTYPE x>',
    '<!DOCTYPE x [<!ENTITY e "v">]>',
    '<?xml version="1.0"?><!DOCTYPE x SYSTEM "y">',
    'junk',
    '&amp;',
  ],
];
const EPILOGS = [
  ['', ' \n', '<!-- post -->', '<?pi?>'],
  ['junk', '<x/>', '&amp;', '<![CDATA[x]]>', '</x>', '<!DOCTYPE x>'],
];
const SEPARATORS = [[' ', '\n', '\t', '\r\n', '  '], ['']];
const EDIT_CHARS = [
  '<',
  '>',
  '&',
  ';',
  '"',
  "'",
  '=',
  '/',
  '?',
  '!',
  '-',
  ']',
  '[',
  ':',
  ' ',
  '\u0000',
  'a',
  '\r',
  '#',
  'x',
];

function pick([good, bad]: string[][]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 24 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );
}

const element: fc.Memo<string> = fc.memo((depth: number) =>
  fc
    .record({
      name: pick(NAMES),
      closeName: fc.option(pick(NAMES), { freq: 40 }),
      attributes: fc.array(fc.tuple(pick(SEPARATORS), pick(ATTRIBUTES)), {
        maxLength: 4,
      }),
      selfClosing: fc.boolean(),
      content:
        depth <= 1
          ? fc.array(pick(TEXTS), { maxLength: 3 })
          : fc.array(fc.oneof(pick(TEXTS), element(depth - 1)), { maxLength: 4 }),
      trailing: fc.constantFrom('', '', '', ' ', '\n'),
    })
    .map(({ name, closeName, attributes, selfClosing, content, trailing }) => {
      const attrs = attributes.map(([sep, a]) => sep + a).join('');
      if (selfClosing) return `<${name}${attrs}${trailing}/>`;
      return `<${name}${attrs}${trailing}>${content.join('')}</${closeName ?? name}${trailing}>`;
    }),
);

// A SOAP-shaped root most of the time, so namespace-bound prefixes are in scope below it.
const document = fc
  .record({
    prolog: pick(PROLOGS),
    soap: fc.boolean(),
    body: element(4),
    epilog: pick(EPILOGS),
  })
  .map(
    ({ prolog, soap, body, epilog }) =>
      prolog +
      (soap
        ? `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:order" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:x"><soap:Body>${body}</soap:Body></soap:Envelope>`
        : body) +
      epilog,
  );

const edited = fc
  .tuple(
    document,
    fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom(...EDIT_CHARS), { freq: 2 })), { maxLength: 2 }),
  )
  .map(([doc, edits]) => {
    let out = doc;
    for (const [at, ch] of edits) {
      const i = at % (out.length + 1);
      out = ch === null ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + ch + out.slice(i);
    }
    return out;
  })
  // Request bodies are decoded from UTF-8 first, so they never hold a lone surrogate.
  .filter((xml) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml));

describe('the hand-written parser accepts exactly what saxes accepts, with the same tree', () => {
  test('generated documents', () => {
    fc.assert(
      fc.property(document, (xml) => {
        expect(ourTree(xml)).toEqual(saxesTree(xml));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  test('generated documents with random one- and two-character edits', () => {
    fc.assert(
      fc.property(edited, (xml) => {
        expect(ourTree(xml)).toEqual(saxesTree(xml));
      }),
      { numRuns: 3000, seed: 12012026 },
    );
  });

  // Every piece of the pools on its own, in a document that is otherwise well-formed.
  const SOAP = (inner: string): string =>
    `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:order" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:x"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
  const placed: [string, string, boolean][] = [
    ...NAMES.flatMap((pool, bad) =>
      pool.map((n): [string, string, boolean] => [`name ${n}`, SOAP(`<${n}/>`), !!bad]),
    ),
    ...ATTRIBUTES.flatMap((pool, bad) =>
      pool.map((a): [string, string, boolean] => [`attribute ${a}`, SOAP(`<a ${a}/>`), !!bad]),
    ),
    ...TEXTS.flatMap((pool, bad) =>
      pool.map((t): [string, string, boolean] => [`text ${t}`, SOAP(`<a>${t}</a>`), !!bad]),
    ),
    ...PROLOGS.flatMap((pool, bad) =>
      pool.map((p): [string, string, boolean] => [`prolog ${p}`, `${p}<a/>`, !!bad]),
    ),
    ...EPILOGS.flatMap((pool, bad) =>
      pool.map((e): [string, string, boolean] => [`epilog ${e}`, `<a/>${e}`, !!bad]),
    ),
  ];
  test.each(placed)('%j', (_name, xml, bad) => {
    const expected = saxesTree(xml);
    expect(expected === 'refused').toBe(bad);
    expect(ourTree(xml)).toEqual(expected);
  });

  test('the corpus is not trivial: both outcomes occur often', () => {
    const samples = fc.sample(edited, { numRuns: 2000, seed: 7 });
    const accepted = samples.filter((xml) => saxesTree(xml) !== 'refused').length;
    expect(accepted).toBeGreaterThan(200);
    expect(samples.length - accepted).toBeGreaterThan(200);
  });

  test.each([
    [
      'a valid request',
      '<?xml version="1.0" encoding="utf-8"?><s:E xmlns:s="urn:s"><s:B><op><a>1</a></op></s:B></s:E>',
    ],
    ['names outside ASCII', '<é xmlns:ü="urn:u"><ü:ñ ü:ç="1">x</ü:ñ><\u{10000}/></é>'],
    ['duplicate attributes by expanded name', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:v="1" q:v="2"/>'],
    ['a redeclared prefix in scope', '<a xmlns:p="urn:1"><p:b xmlns:p="urn:2"/><p:c/></a>'],
    ['an undeclared default namespace', '<a xmlns="urn:d"><b xmlns=""/></a>'],
    ['line ends in text and attributes', '<a v="1\r\n2\r3">x\r\ny\rz<![CDATA[\r\n]]></a>'],
    ['a character reference to a CR', '<a v="&#13;">&#13;</a>'],
    [']]> split by a reference', '<a>]]&gt;]]</a>'],
    ['a comment and a processing instruction after the root', '<a/><!-- x --><?p y?>\n'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['an unbound prefix', '<p:a/>'],
    ['xmlns:p=""', '<a xmlns:p=""/>'],
  ])('%s: the same outcome', (_name, xml) => {
    expect(ourTree(xml)).toEqual(saxesTree(xml));
  });
});

describe('character data as PHP ext/soap sees it (libxml after its clean-up)', () => {
  // Each expectation is what PHP's SoapServer decoded for a string part holding this content
  // (test/sandbox/php-differential.test.ts sends the same requests to real PHP).
  test.each([
    ['plain text', 'x', 1, 'x', false],
    ['whitespace only', '  \n ', 0, '', false],
    ['text with spaces around it', '  x  ', 1, '  x  ', false],
    ['an empty CDATA section', '<![CDATA[]]>', 1, '', true],
    ['text then CDATA', 'a<![CDATA[b]]>', 2, 'b', true],
    ['CDATA between whitespace', '  <![CDATA[b]]>  ', 1, 'b', true],
    ['two CDATA sections', '<![CDATA[a]]><![CDATA[b]]>', 1, 'ab', true],
    ['two CDATA sections around whitespace', '<![CDATA[a]]> <![CDATA[b]]>', 1, 'ab', true],
    ['two CDATA sections around a comment', '<![CDATA[a]]><!--x--><![CDATA[b]]>', 1, 'ab', true],
    ['two CDATA sections around a processing instruction', '<![CDATA[a]]><?p?><![CDATA[b]]>', 2, 'b', true],
    ['text split by a processing instruction', 'a<?x?>b', 2, 'b', false],
    ['text then a processing instruction', 'a<?x?>', 1, 'a', false],
    ['text then a processing instruction then whitespace', 'x<?p?>  ', 1, 'x', false],
    ['a processing instruction between whitespace', '  <?p?>  ', 0, '', false],
    ['text split by a comment', 'a<!--c-->b', 1, 'ab', false],
    ['whitespace, a comment, text', '  <!--x-->b', 1, 'b', false],
    ['text with references', 'a&amp;b&#65;', 1, 'a&bA', false],
    ['an empty CDATA section then text', '<![CDATA[]]>x', 2, 'x', false],
    ['nothing', '', 0, '', false],
  ])('%s', (_name, inner, nodes, value, cdata) => {
    const root = parseXml(`<r><s>${inner}</s></r>`);
    const s = root.children[0];
    expect({ nodes: s.textNodes, value: s.textValue, cdata: s.textIsCdata }).toEqual({
      nodes,
      value,
      cdata,
    });
  });
});
