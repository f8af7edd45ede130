import { SaxesParser, type SaxesAttributeNSIncomplete, type SaxesTagNS } from 'saxes';
import { clientFault, SoapFault } from '../faults/soap-fault';
import { checkDeclaredEncoding } from './decode-body';

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  text: string;
}

/**
 * Bounds on one request's tree, checked as the parser reads (an over-limit document is never read
 * to its end). A SOAP 1.1 request needs a handful of attributes per element (namespace
 * declarations, xsi:type, SOAP-ENC:arrayType); a large placeOrder a few thousand elements.
 */
export const XML_LIMITS = {
  maxDepth: 64,
  maxAttributesPerElement: 64,
  maxElements: 20_000,
} as const;

/**
 * Parses a request body into a small namespace-resolved tree.
 *
 * saxes, not sax: sax's namespace mode checks each attribute against a list of the ones before it
 * (O(n²) per element: 100k attributes blocked the event loop for 12 s) and accepts duplicate
 * attributes; saxes checks well-formedness (duplicates, characters, names) in linear time and
 * reports each attribute as it is read, so the caps below stop a hostile element early.
 * A DOCTYPE is refused outright, so no entity (internal or external) is ever declared or resolved.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    forceXMLVersion: true,
    defaultXMLVersion: '1.0',
  });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  let elements = 0;
  let attributes = 0;
  // Throwing from a handler aborts parser.write at once, so a refused document is never read further.
  const fail = (message: string): never => {
    failure ??= clientFault(message);
    throw failure;
  };

  parser.on('xmldecl', (decl) => checkDeclaredEncoding(decl.encoding));
  parser.on('doctype', () => fail('DOCTYPE is not allowed in a SOAP message'));
  parser.on('error', (err) => fail(`Malformed XML: ${err.message.split('\n')[0]}`));
  parser.on('opentagstart', () => {
    if (stack.length >= XML_LIMITS.maxDepth) fail(`XML nesting deeper than ${XML_LIMITS.maxDepth} levels`);
    if (++elements > XML_LIMITS.maxElements)
      fail(`More than ${XML_LIMITS.maxElements} XML elements in one request`);
    attributes = 0;
  });
  parser.on('attribute', (_attr: SaxesAttributeNSIncomplete) => {
    if (++attributes > XML_LIMITS.maxAttributesPerElement)
      fail(`More than ${XML_LIMITS.maxAttributesPerElement} attributes on one XML element`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element: XmlElement = {
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) fail('More than one root element');
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml).close();
  } catch (err) {
    if (failure) throw failure;
    if (err instanceof SoapFault) throw err;
    throw clientFault(`Malformed XML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (!root) throw clientFault('Empty request: no XML element found');
  return root;
}
