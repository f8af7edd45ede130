'use strict';
// Readable differences between two WSDL models (scripts/lib/wsdl-model.js): operations, their
// parameters, and types. Used by `npm run wsdl:fetch -- --check`.

function describeType(def) {
  return def.kind === 'array' ? `array of ${def.itemType}` : `struct (${def.fields.length} fields)`;
}

function diffFields(name, before, after, out) {
  const a = new Map(before.map((f, i) => [f.name, { ...f, index: i }]));
  const b = new Map(after.map((f, i) => [f.name, { ...f, index: i }]));
  for (const [field, f] of a) {
    if (!b.has(field)) out.push(`  type ${name}: field removed: ${field} (${f.type})`);
  }
  for (const [field, f] of b) {
    const old = a.get(field);
    if (!old) {
      out.push(`  type ${name}: field added: ${field} (${f.type}${f.nillable ? ', nillable' : ''})`);
      continue;
    }
    if (old.type !== f.type) out.push(`  type ${name}: field ${field}: type ${old.type} -> ${f.type}`);
    if (old.nillable !== f.nillable)
      out.push(`  type ${name}: field ${field}: nillable ${old.nillable} -> ${f.nillable}`);
  }
}

function diffParts(op, side, before, after, out) {
  const names = (ps) => ps.map((p) => p.name).join(', ');
  const a = new Map(before.map((p) => [p.name, p]));
  const b = new Map(after.map((p) => [p.name, p]));
  for (const p of before)
    if (!b.has(p.name)) out.push(`  operation ${op}: ${side} parameter removed: ${p.name} (${p.type})`);
  for (const p of after) {
    const old = a.get(p.name);
    if (!old) out.push(`  operation ${op}: ${side} parameter added: ${p.name} (${p.type})`);
    else if (old.type !== p.type)
      out.push(`  operation ${op}: ${side} parameter ${p.name}: type ${old.type} -> ${p.type}`);
  }
  const common = (ps, other) =>
    ps
      .filter((p) => other.has(p.name))
      .map((p) => p.name)
      .join(',');
  if (common(before, b) !== common(after, a)) {
    out.push(`  operation ${op}: ${side} parameter order (${names(before)}) -> (${names(after)})`);
  }
}

/** Lines describing how `after` (e.g. the live WSDL) differs from `before` (the vendored one). Empty: same. */
function diffModels(before, after) {
  const out = [];
  for (const key of ['targetNamespace', 'service', 'port', 'location']) {
    if (before[key] !== after[key]) out.push(`  ${key}: ${before[key]} -> ${after[key]}`);
  }
  const opsA = before.operations;
  const opsB = after.operations;
  for (const op of Object.keys(opsA).sort()) if (!opsB[op]) out.push(`  operation removed: ${op}`);
  for (const op of Object.keys(opsB).sort()) {
    const b = opsB[op];
    const a = opsA[op];
    if (!a) {
      out.push(
        `  operation added: ${op}(${b.input.map((p) => `${p.name}: ${p.type}`).join(', ')}) -> ${b.output.type}`,
      );
      continue;
    }
    diffParts(op, 'input', a.input, b.input, out);
    if (a.output.type !== b.output.type || a.output.name !== b.output.name) {
      out.push(
        `  operation ${op}: output ${a.output.name}: ${a.output.type} -> ${b.output.name}: ${b.output.type}`,
      );
    }
    if (a.soapAction !== b.soapAction)
      out.push(`  operation ${op}: soapAction ${a.soapAction} -> ${b.soapAction}`);
  }
  const typesA = before.types;
  const typesB = after.types;
  for (const t of Object.keys(typesA).sort()) if (!typesB[t]) out.push(`  type removed: ${t}`);
  for (const t of Object.keys(typesB).sort()) {
    const a = typesA[t];
    const b = typesB[t];
    if (!a) out.push(`  type added: ${t}: ${describeType(b)}`);
    else if (a.kind !== b.kind) out.push(`  type ${t}: ${describeType(a)} -> ${describeType(b)}`);
    else if (a.kind === 'array') {
      if (a.itemType !== b.itemType) out.push(`  type ${t}: item type ${a.itemType} -> ${b.itemType}`);
    } else diffFields(t, a.fields, b.fields, out);
  }
  return out;
}

module.exports = { diffModels };
