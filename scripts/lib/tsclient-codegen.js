'use strict';
// Runs wsdl-tsclient 1.7.1 over an rpc/encoded WSDL and closes its two gaps:
// 1. rpc message parts typed by a complexType come out as `any`, because node-soap leaves them as
//    raw ComplexTypeElement objects. We replace every message part with a description built from
//    our own WSDL model (scripts/lib/wsdl-model.js), one shared object per XSD type, so identical
//    types dedupe into one interface.
// 2. SOAP-ENC arrays (ArrayOfX restricting soap-enc:Array) come out as `any` or `{ getBase?: {} }`.
//    We describe them as `{ item: X[] }`, which is exactly the shape node-soap must be given to send
//    <Field><item>…</item></Field> (see src/soap/wire-args.ts).
// wsdl-tsclient names interfaces after the first part/property that uses a type; afterwards we
// rename every interface that stands for an XSD type to the XSD type's name (Customer, not
// GetCustomerInformationReturn).
// wsdl-tsclient and node-soap keep module-level state between runs, so call this once per process.
const wsdlIndex = require('soap/lib/wsdl/index');
const { parseWsdl, generate } = require('wsdl-tsclient');

function buildDescriptions(model) {
  const descriptions = new Map();
  const typeNameOf = new WeakMap();
  const describe = (typeRef) => {
    if (typeRef.startsWith('xsd:')) return typeRef;
    const known = descriptions.get(typeRef);
    if (known) return known;
    const def = model.types[typeRef];
    if (!def) throw new Error(`type ${typeRef} is not defined in the WSDL`);
    const desc = {};
    descriptions.set(typeRef, desc);
    typeNameOf.set(desc, typeRef);
    if (def.kind === 'array') {
      desc['item[]'] = describe(def.itemType);
    } else {
      for (const f of def.fields) desc[f.name] = describe(f.type);
    }
    return desc;
  };
  return { describe, typeNameOf };
}

function messagePartsFromModel(model, describe) {
  const parts = {};
  for (const [op, def] of Object.entries(model.operations)) {
    parts[op] = Object.fromEntries(def.input.map((p) => [p.name, describe(p.type)]));
    parts[`${op}Response`] = { [def.output.name]: describe(def.output.type) };
  }
  return parts;
}

/** Renames definitions that stand for an XSD type to that type's name. */
function renameToXsdNames(parsedWsdl, typeNameOf, messageParts) {
  const seen = new Set();
  const visit = (definition, parts) => {
    if (!definition || seen.has(definition)) return;
    seen.add(definition);
    const xsdName = typeof parts === 'object' ? typeNameOf.get(parts) : undefined;
    if (xsdName) definition.name = xsdName;
    for (const prop of definition.properties) {
      if (prop.kind !== 'REFERENCE') continue;
      visit(prop.ref, parts[prop.sourceName]);
    }
  };
  for (const port of parsedWsdl.ports) {
    for (const method of port.methods) {
      visit(method.paramDefinition, messageParts[method.name]);
      visit(method.returnDefinition, messageParts[`${method.name}Response`]);
    }
  }
  const byName = new Map();
  for (const def of parsedWsdl.definitions) {
    const other = byName.get(def.name);
    if (other && other !== def) throw new Error(`two generated interfaces would be named ${def.name}`);
    byName.set(def.name, def);
  }
}

async function generateTsClient(wsdlFile, model, outDir, clientName) {
  const { describe, typeNameOf } = buildDescriptions(model);
  const messageParts = messagePartsFromModel(model, describe);
  const originalOpen = wsdlIndex.open_wsdl;
  wsdlIndex.open_wsdl = (uri, options, callback) =>
    originalOpen(uri, options, (err, wsdl) => {
      if (!err && wsdl) {
        for (const [name, message] of Object.entries(wsdl.definitions.messages)) {
          if (!messageParts[name]) throw new Error(`message ${name} is not in the WSDL model`);
          message.parts = messageParts[name];
        }
      }
      callback(err, wsdl);
    });
  try {
    const options = {
      emitDefinitionsOnly: false,
      modelNamePreffix: '',
      modelNameSuffix: '',
      maxRecursiveDefinitionName: 64,
      caseInsensitiveNames: false,
      modelPropertyNaming: null,
      quiet: true,
      colors: false,
    };
    const { Logger } = require('wsdl-tsclient/dist/src/utils/logger');
    Logger.isDebug = Logger.isLog = Logger.isInfo = Logger.isWarn = false;
    Logger.isError = true;
    const parsed = await parseWsdl(wsdlFile, options);
    // The file name (2checkout-soap-4.0) is not a legal identifier prefix for the client interface.
    parsed.name = clientName;
    renameToXsdNames(parsed, typeNameOf, messageParts);
    await generate(parsed, outDir, options);
  } finally {
    wsdlIndex.open_wsdl = originalOpen;
  }
}

module.exports = { generateTsClient };
