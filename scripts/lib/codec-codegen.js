'use strict';
// Compiles the WSDL model into generated/<wsdl>/codecs.ts, the way smithy codegen does for AWS SDK
// v3: one request serializer per operation (a precompiled string template plus value checks) and
// one response plan per operation (what the streaming decoder in src/wire/decoder.ts walks), so
// nothing interprets the WSDL at run time. Serializer inputs are typed from wsdl-tsclient's message
// interfaces (definitions/*.ts): a swapped WSDL changes what the compiler checks.
//
// What it cannot compile (an XSD built-in outside SCALAR_KINDS, e.g. xsd:base64Binary or
// xsd:anyType) leaves that operation out of `codecs` and in `uncompiled`, with the reason; the
// client then sends that operation through node-soap (engine 'node-soap') and `generate` says so.

const SCALAR_KINDS = {
  'xsd:string': 0,
  'xsd:date': 0,
  'xsd:dateTime': 0,
  'xsd:int': 1,
  'xsd:integer': 1,
  'xsd:long': 1,
  'xsd:short': 1,
  'xsd:byte': 1,
  'xsd:unsignedInt': 1,
  'xsd:double': 2,
  'xsd:float': 2,
  'xsd:decimal': 2,
  'xsd:boolean': 3,
};
const SCALAR_WRITER = ['str', 'int', 'dbl', 'bool'];

const ident = (name) => name.replace(/[^A-Za-z0-9_]/g, '_');
const q = (s) => JSON.stringify(s);
const nil = (name) => `<${name} xsi:nil="true"></${name}>`;

/** op -> the wsdl-tsclient interface of its input message, read from the generated client.ts. */
function messageInterfaces(clientTs) {
  const out = {};
  for (const m of clientTs.matchAll(/^\s+(\w+)Async\(\w+: (\w+), options/gm)) out[m[1]] = m[2];
  return out;
}

/** Why `typeRef` (and everything it reaches) cannot be compiled, or undefined when it can. */
function unsupported(model, typeRef, seen = new Set()) {
  if (typeRef.startsWith('xsd:')) {
    return SCALAR_KINDS[typeRef] === undefined
      ? `type ${typeRef} is not supported by the codec generator`
      : undefined;
  }
  if (seen.has(typeRef)) return undefined;
  seen.add(typeRef);
  const def = model.types[typeRef];
  if (!def) return `type ${typeRef} is not defined`;
  if (def.kind === 'array') return unsupported(model, def.itemType, seen);
  for (const f of def.fields) {
    const why = unsupported(model, f.type, seen);
    if (why) return `${typeRef}.${f.name}: ${why}`;
  }
  return undefined;
}

function reachable(model, roots) {
  const seen = new Set();
  const visit = (t) => {
    if (t.startsWith('xsd:') || seen.has(t)) return;
    seen.add(t);
    const def = model.types[t];
    if (def.kind === 'array') visit(def.itemType);
    else for (const f of def.fields) visit(f.type);
  };
  for (const r of roots) visit(r);
  return [...seen].sort();
}

function scalarConst(typeRef) {
  return `S_${ident(typeRef.slice(4))}`;
}

function planRef(typeRef) {
  return typeRef.startsWith('xsd:') ? scalarConst(typeRef) : `T_${ident(typeRef)}`;
}

/** Code writing one value of `typeRef` held in `v`; `path`/`name` are expressions for messages. */
function valueExpr(typeRef, v, pathExpr, name) {
  if (typeRef.startsWith('xsd:')) {
    return `rt.${SCALAR_WRITER[SCALAR_KINDS[typeRef]]}(${v}, op, ${pathExpr}, ${q(name)})`;
  }
  const sub = pathExpr === "''" ? q(name.replace(/^\./, '')) : `${pathExpr} + ${q(name)}`;
  return `w_${ident(typeRef)}(${v}, op, ${sub})`;
}

function element(name, typeRef, v, pathExpr, label) {
  return `${v} === null ? ${q(nil(name))} : ${q(`<${name}>`)} + ${valueExpr(typeRef, v, pathExpr, label)} + ${q(`</${name}>`)}`;
}

function writers(model, types) {
  const out = [];
  for (const t of types) {
    const def = model.types[t];
    if (def.kind === 'array') {
      out.push(
        `export function w_${ident(t)}(v: unknown, op: string, path: string): string {`,
        `  const a = rt.array(v, op, path, ${q(t)});`,
        `  let x = '';`,
        `  for (let i = 0; i < a.length; i++) {`,
        `    const it = a[i];`,
        `    x += it === null || it === undefined ? ${q(nil('item'))} : '<item>' + ${valueExpr(def.itemType, 'it', "path + '[' + i + ']'", '')} + '</item>';`,
        `  }`,
        `  return x;`,
        `}`,
        '',
      );
      continue;
    }
    const known = def.fields.map((f) => `${q(f.name)}: 1`).join(', ');
    out.push(
      `const K_${ident(t)}: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { ${known} });`,
      `export function w_${ident(t)}(v: unknown, op: string, path: string): string {`,
      `  const o = rt.struct(v, op, path, ${q(t)}, K_${ident(t)});`,
      `  let x = '';`,
      def.fields.length ? `  let f: unknown;` : '',
    );
    for (const f of def.fields) {
      out.push(
        `  f = o[${q(f.name)}];`,
        `  if (f !== undefined) x += ${element(f.name, f.type, 'f', 'path', `.${f.name}`)};`,
      );
    }
    out.push('  return x;', '}', '');
  }
  return out.filter((l) => l !== '');
}

function serializer(op, def, iface) {
  const parts = def.input;
  const fn = `serialize${op[0].toUpperCase()}${op.slice(1)}`;
  const callerParts = parts.filter((p) => p.name !== 'sessionID');
  const known = callerParts.map((p) => `${q(p.name)}: 1`).join(', ');
  const out = [
    `const K_${op}: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { ${known} });`,
    `/** ${op}: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */`,
    `export function ${fn}(input: RequestArgs<${iface}>, ${parts.some((p) => p.name === 'sessionID') ? 'sessionID' : '_sessionID'}: string | undefined): string {`,
    `  const op = ${q(op)};`,
    `  const a = rt.args(input, op, K_${op});`,
  ];
  const vars = [];
  parts.forEach((p, i) => {
    if (p.name === 'sessionID') return;
    out.push(`  const p${i} = a[${q(p.name)}];`);
    vars.push(i);
  });
  // How many parts to send: up to the last one given (sessionID always counts as given).
  const lastSession = parts.findIndex((p) => p.name === 'sessionID');
  let countExpr = String(lastSession + 1);
  for (const i of vars) if (i > lastSession) countExpr = `p${i} !== undefined ? ${i + 1} : ${countExpr}`;
  out.push(`  const n = ${countExpr};`);
  out.push(`  let x = HEAD + ${q(`<tns:${op}>`)};`);
  parts.forEach((p, i) => {
    if (p.name === 'sessionID') {
      out.push(`  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';`);
      return;
    }
    const v = `p${i}`;
    // `undefined || null ? nil : …`: a part not given but followed by a given one is sent as nil.
    out.push(`  if (n > ${i}) x += ${v} === undefined || ${element(p.name, p.type, v, "''", p.name)};`);
  });
  out.push(`  return x + ${q(`</tns:${op}>`)} + TAIL;`, '}', '');
  return { fn, lines: out };
}

/** The TypeScript source of codecs.ts (without the banner). */
function generateCodecs(model, clientTs, responseRequired) {
  const ifaces = messageInterfaces(clientTs);
  const ops = Object.keys(model.operations);
  const compiled = [];
  const uncompiled = {};
  for (const op of ops) {
    const def = model.operations[op];
    let why;
    for (const p of def.input) why = why ?? unsupported(model, p.type);
    why = why ?? unsupported(model, def.output.type);
    if (!why && !ifaces[op]) why = 'wsdl-tsclient generated no input message interface for it';
    if (why) uncompiled[op] = why;
    else compiled.push(op);
  }
  const requestTypes = reachable(
    model,
    compiled.flatMap((op) => model.operations[op].input.map((p) => p.type)),
  );
  const responseTypes = reachable(
    model,
    compiled.map((op) => model.operations[op].output.type),
  );
  const scalars = [
    ...new Set(
      responseTypes
        .flatMap((t) => {
          const d = model.types[t];
          return d.kind === 'array' ? [d.itemType] : d.fields.map((f) => f.type);
        })
        .concat(compiled.map((op) => model.operations[op].output.type))
        .filter((t) => t.startsWith('xsd:')),
    ),
  ].sort();

  const L = [];
  L.push(
    "import * as rt from '../../src/wire/encode';",
    "import { arrayPlan, defineFields, defineItem, scalarPlan, structPlan } from '../../src/wire/plan';",
    "import type { ResponsePlan } from '../../src/wire/plan';",
  );
  for (const op of compiled) L.push(`import type { ${ifaces[op]} } from './definitions/${ifaces[op]}';`);
  L.push(
    '',
    '/** A request value as a caller gives it, from a wsdl-tsclient interface: fields optional or null (xsi:nil), SOAP-ENC arrays as plain arrays. */',
    'export type WireValue<T> = T extends string | number | boolean',
    '  ? T',
    '  : T extends { item?: Array<infer I> }',
    "    ? keyof T extends 'item'",
    '      ? readonly (WireValue<I> | null | undefined)[]',
    '      : WireStruct<T>',
    '    : WireStruct<T>;',
    'export type WireStruct<T> = { [K in keyof T]?: WireValue<NonNullable<T[K]>> | null };',
    '/** The arguments of an operation: its message parts but sessionID, which the client adds. */',
    "export type RequestArgs<M> = { [K in Exclude<keyof M, 'sessionID'>]?: WireValue<NonNullable<M[K]>> | null };",
    '',
    `export const targetNamespace = ${q(model.targetNamespace)};`,
    // Byte for byte what node-soap sends for this WSDL (test/samples holds the captured requests).
    `const HEAD = ${q(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"  xmlns:tns="${model.targetNamespace}"><soap:Body>`)};`,
    `const TAIL = '</soap:Body></soap:Envelope>';`,
    '',
    '// ---- request writers, one per type a request can carry',
  );
  L.push(...writers(model, requestTypes));
  L.push('', '// ---- serializers, one per operation');
  const fns = {};
  for (const op of compiled) {
    const { fn, lines } = serializer(op, model.operations[op], ifaces[op]);
    fns[op] = fn;
    L.push(...lines);
  }
  L.push('// ---- response plans: scalars, then every type a response can carry, then their links');
  for (const s of scalars) L.push(`const ${scalarConst(s)} = scalarPlan(${q(s)}, ${SCALAR_KINDS[s]});`);
  for (const t of responseTypes) {
    const def = model.types[t];
    if (def.kind === 'array') {
      L.push(`const T_${ident(t)} = arrayPlan(${q(t)});`);
      continue;
    }
    const required = new Set(responseRequired[t] ?? []);
    const defaults = def.fields
      .map((f) => {
        const isArray = !f.type.startsWith('xsd:') && model.types[f.type].kind === 'array';
        const nullable = f.nillable && !required.has(f.name);
        return `${q(f.name)}: ${isArray ? '[]' : nullable ? 'null' : 'undefined'}`;
      })
      .join(', ');
    L.push(`const T_${ident(t)} = structPlan(${q(t)}, () => ({ ${defaults} }));`);
  }
  for (const t of responseTypes) {
    const def = model.types[t];
    if (def.kind === 'array') {
      L.push(`defineItem(T_${ident(t)}, ${planRef(def.itemType)});`);
      continue;
    }
    const required = new Set(responseRequired[t] ?? []);
    const fields = def.fields
      .map((f) => `[${q(f.name)}, ${planRef(f.type)}, ${f.nillable && !required.has(f.name)}]`)
      .join(', ');
    L.push(`defineFields(T_${ident(t)}, [${fields}]);`);
  }
  L.push('');
  for (const op of compiled) {
    const def = model.operations[op];
    L.push(
      `const R_${op}: ResponsePlan = { operation: ${q(op)}, element: ${q(`${op}Response`)}, part: ${q(def.output.name)}, plan: ${planRef(def.output.type)} };`,
    );
  }
  L.push(
    '',
    '/** Per operation: its serializer, its response plan and its SOAPAction. */',
    'export const codecs = {',
    ...compiled.map(
      (op) =>
        `  ${op}: { serialize: ${fns[op]}, response: R_${op}, soapAction: ${q(model.operations[op].soapAction)} },`,
    ),
    '} as const;',
    '',
    '/** Operations the generator could not compile, with the reason: the client sends them through node-soap. */',
    `export const uncompiled: Readonly<Record<string, string>> = ${JSON.stringify(uncompiled, null, 2)};`,
    '',
  );
  return { source: L.join('\n'), compiled, uncompiled };
}

module.exports = { generateCodecs, SCALAR_KINDS };
