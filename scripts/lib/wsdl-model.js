'use strict';
// Reads an rpc/encoded WSDL into a plain, JSON-serialisable model: the complex types (structs and
// SOAP-ENC arrays), and every operation's positional input parts and its single output part.
// The normalizer and the sandbox are driven by this model (emitted as generated/<wsdl>/schema.ts),
// so they read exactly what the WSDL says, not a hand-kept copy of it.
const { open_wsdl } = require('soap/lib/wsdl');

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

function loadWsdl(file) {
  return new Promise((resolve, reject) => {
    open_wsdl(file, {}, (err, wsdl) => (err ? reject(err) : resolve(wsdl)));
  });
}

/** 'xsd:int' -> 'xsd:int'; 'tns:Customer' -> 'Customer'. Other namespaces are refused. */
function typeRef(qname, xmlns, targetNamespace) {
  const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
  const ns = xmlns[prefix];
  if (ns === XSD_NS) return `xsd:${local}`;
  if (ns === targetNamespace) return local;
  throw new Error(`type ${qname} is in namespace ${ns ?? '(unbound)'}, which the model does not support`);
}

function describeComplexType(ct, xmlns, tns) {
  const body = ct.children[0];
  if (!body) return { kind: 'struct', fields: [] };
  if (body.name === 'complexContent') {
    const restriction = body.children.find((c) => c.name === 'restriction');
    const attr = restriction && restriction.children.find((c) => c.name === 'attribute');
    // The attribute is wsdl:arrayType, whatever prefix the file binds to the WSDL namespace.
    const arrayKey = attr && Object.keys(attr).find((k) => /^\$(\w[\w.-]*:)?arrayType$/.test(k));
    const arrayType = arrayKey && attr[arrayKey];
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
      name: el.$name,
      type: typeRef(el.$type, xmlns, tns),
      nillable: el.$nillable === 'true',
    })),
  };
}

/** [name, qname] of each part. node-soap has already resolved complex parts to their complexType element. */
function messageParts(message) {
  return Object.entries(message.parts).map(([name, t]) => [
    name,
    typeof t === 'string' ? t : `tns:${t.$name}`,
  ]);
}

async function readWsdlModel(file) {
  const wsdl = await loadWsdl(file);
  const defs = wsdl.definitions;
  const tns = defs.$targetNamespace;
  const xmlns = defs.xmlns;
  const schema = defs.schemas[tns];
  const types = {};
  for (const name of Object.keys(schema.complexTypes).sort()) {
    types[name] = describeComplexType(schema.complexTypes[name], xmlns, tns);
  }
  const [serviceName] = Object.keys(defs.services);
  const service = defs.services[serviceName];
  const [portName] = Object.keys(service.ports);
  const port = service.ports[portName];
  const binding = port.binding;
  const operations = {};
  for (const opName of Object.keys(binding.methods)) {
    const method = binding.methods[opName];
    const input = defs.messages[opName];
    const output = defs.messages[`${opName}Response`];
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

module.exports = { readWsdlModel };
