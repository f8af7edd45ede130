import sax from 'sax';
import { clientFault } from '../faults/soap-fault';

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

const MAX_DEPTH = 64;

/**
 * Parses a request body into a small namespace-resolved tree. Strict mode; a DOCTYPE is refused
 * outright, so no entity (internal or external) is ever declared, let alone resolved.
 */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  // Throwing from a handler aborts parser.write at once, so a refused document is never read further.
  const fail = (message: string): never => {
    if (!failure) failure = clientFault(message);
    throw failure;
  };

  parser.ondoctype = () => fail('DOCTYPE is not allowed in a SOAP message');
  parser.onerror = (err) => fail(`Malformed XML: ${err.message.split('\n')[0]}`);
  parser.onopentag = (tag) => {
    const t = tag as sax.QualifiedTag;
    if (stack.length >= MAX_DEPTH) return fail(`XML nesting deeper than ${MAX_DEPTH} levels`);
    const element: XmlElement = {
      local: t.local,
      uri: t.uri,
      attributes: Object.values(t.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) return fail('More than one root element');
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const onText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
    else if (text.trim() !== '') fail('Text outside the root element');
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  try {
    parser.write(xml).close();
  } catch (err) {
    if (failure) throw failure;
    throw clientFault(`Malformed XML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (!root) throw clientFault('Empty request: no XML element found');
  return root;
}
