// Reads an rpc/encoded WSDL into a plain, JSON-serialisable model: the complex types (structs and
// SOAP-ENC arrays), and every operation's positional input parts and its single output part.
// The normalizer and the sandbox are driven by this model (emitted as generated/<wsdl>/schema.ts by
// `npm run generate`), so they read exactly what the WSDL says, not a hand-kept copy of it. The
// same reader serves `wsdl:fetch --check` and `twocheckout-sync doctor`, which compare a service's
// WSDL with the vendored one. Imports only node-soap: scripts load it before anything is built.
import { open_wsdl, type WSDL } from 'soap/lib/wsdl';

export interface WsdlField {
  name: string;
  type: string;
  nillable: boolean;
}

export type WsdlTypeDef = { kind: 'struct'; fields: WsdlField[] } | { kind: 'array'; itemType: string };

export interface WsdlPart {
  name: string;
  type: string;
}

export interface WsdlOperation {
  soapAction: string | undefined;
  input: WsdlPart[];
  output: WsdlPart;
}

/** Key order matters: generate.js prints this object as generated/<wsdl>/schema.ts. */
export interface WsdlModel {
  targetNamespace: string;
  service: string;
  port: string;
  location: string | undefined;
  types: Record<string, WsdlTypeDef>;
  operations: Record<string, WsdlOperation>;
}

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

// The parts of node-soap's parsed element tree this reader uses (its own typings say `any`).
interface RawElement {
  name: string;
  children: RawElement[];
  [attribute: `$${string}`]: string | undefined;
}
interface RawMessage {
  parts: Record<string, string | RawElement>;
}
interface RawDefinitions {
  $targetNamespace: string;
  xmlns: Record<string, string>;
  schemas: Record<string, { complexTypes: Record<string, RawElement> } | undefined>;
  services: Record<string, { ports: Record<string, { location?: string; binding: RawBinding }> }>;
  messages: Record<string, RawMessage | undefined>;
}
interface RawBinding {
  methods: Record<string, { soapAction?: string }>;
}

function loadWsdl(source: string, followImports: boolean): Promise<WSDL> {
  const options = followImports
    ? {}
    : {
        wsdl_options: {
          // A fetched WSDL is data: never let it make us read other files or URLs.
          overrideImportLocation: (location: string): string => {
            throw new Error(`the WSDL imports ${location}, which is not followed`);
          },
        },
      };
  return new Promise((resolve, reject) => {
    open_wsdl(source, options, (err: unknown, wsdl?: WSDL) => {
      if (err || !wsdl)
        reject(err instanceof Error ? err : new Error(String(err ?? 'cannot parse the WSDL')));
      else resolve(wsdl);
    });
  });
}

/** 'xsd:int' -> 'xsd:int'; 'tns:Customer' -> 'Customer'. Other namespaces are refused. */
function typeRef(qname: string, xmlns: Record<string, string>, targetNamespace: string): string {
  const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
  const ns = xmlns[prefix];
  if (ns === XSD_NS) return `xsd:${local}`;
  if (ns === targetNamespace) return local;
  throw new Error(`type ${qname} is in namespace ${ns ?? '(unbound)'}, which the model does not support`);
}

function describeComplexType(ct: RawElement, xmlns: Record<string, string>, tns: string): WsdlTypeDef {
  const body = ct.children[0];
  if (!body) return { kind: 'struct', fields: [] };
  if (body.name === 'complexContent') {
    const restriction = body.children.find((c) => c.name === 'restriction');
    const attr = restriction?.children.find((c) => c.name === 'attribute');
    // The attribute is wsdl:arrayType, whatever prefix the file binds to the WSDL namespace.
    const arrayKey = attr && Object.keys(attr).find((k) => /^\$(\w[\w.-]*:)?arrayType$/.test(k));
    const arrayType = arrayKey && attr[arrayKey as `$${string}`];
    if (!arrayType)
      throw new Error(`complexType ${ct.$name}: only SOAP-ENC arrays are supported in complexContent`);
    return { kind: 'array', itemType: typeRef(arrayType.replace(/\[\]$/, ''), xmlns, tns) };
  }
  if (body.name !== 'all' && body.name !== 'sequence') {
    throw new Error(`complexType ${ct.$name}: unsupported content ${body.name}`);
  }
  return {
    kind: 'struct',
    fields: body.children.map((el) => ({
      name: String(el.$name),
      type: typeRef(String(el.$type), xmlns, tns),
      nillable: el.$nillable === 'true',
    })),
  };
}

/** [name, qname] of each part. node-soap has already resolved complex parts to their complexType element. */
function messageParts(message: RawMessage): [string, string][] {
  return Object.entries(message.parts).map(([name, t]) => [
    name,
    typeof t === 'string' ? t : `tns:${t.$name}`,
  ]);
}

function modelOf(wsdl: WSDL): WsdlModel {
  const defs = wsdl.definitions as unknown as RawDefinitions;
  const tns = defs.$targetNamespace;
  const xmlns = defs.xmlns;
  const schema = defs.schemas[tns];
  if (!schema) throw new Error(`the WSDL has no schema for its targetNamespace ${tns}`);
  const types: Record<string, WsdlTypeDef> = {};
  for (const name of Object.keys(schema.complexTypes).sort()) {
    types[name] = describeComplexType(schema.complexTypes[name], xmlns, tns);
  }
  const [serviceName] = Object.keys(defs.services);
  if (serviceName === undefined) throw new Error('the WSDL declares no service');
  const service = defs.services[serviceName];
  const [portName] = Object.keys(service.ports);
  if (portName === undefined) throw new Error(`service ${serviceName} declares no port`);
  const port = service.ports[portName];
  const binding = port.binding;
  const operations: Record<string, WsdlOperation> = {};
  for (const opName of Object.keys(binding.methods)) {
    const method = binding.methods[opName];
    const input = defs.messages[opName];
    const output = defs.messages[`${opName}Response`];
    if (!input || !output) throw new Error(`operation ${opName}: its input or output message is missing`);
    const outParts = messageParts(output);
    if (outParts.length !== 1) throw new Error(`operation ${opName}: expected exactly one output part`);
    operations[opName] = {
      soapAction: method.soapAction,
      input: messageParts(input).map(([name, type]) => ({ name, type: typeRef(type, xmlns, tns) })),
      output: { name: outParts[0][0], type: typeRef(outParts[0][1], xmlns, tns) },
    };
  }
  return {
    targetNamespace: tns,
    service: serviceName,
    port: portName,
    location: port.location,
    types,
    operations,
  };
}

/** The model of a WSDL file (the vendored one, or one a script downloaded). */
export async function readWsdlModel(file: string): Promise<WsdlModel> {
  return modelOf(await loadWsdl(file, true));
}

/**
 * The model of WSDL text received from a service. Imports are refused (never fetched), so reading
 * it touches neither the network nor the disk.
 */
export async function wsdlModelFromText(text: string): Promise<WsdlModel> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  // node-soap takes a string for XML text only when it starts with the XML declaration.
  const xml = /^<\?xml[^>]*?>/i.test(body) ? body : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  return modelOf(await loadWsdl(xml, false));
}
