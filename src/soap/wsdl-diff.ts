// Readable differences between two WSDL models (./wsdl-model): operations, their parameters, and
// types. Used by `npm run wsdl:fetch -- --check` and by `twocheckout-sync doctor`.
import type { WsdlField, WsdlModel, WsdlPart, WsdlTypeDef } from './wsdl-model';

export interface WsdlDifference {
  /** One line of text, e.g. `operation login: input parameter added: algo (xsd:string)`. */
  text: string;
  /**
   * `added`: the newer file offers something the older one lacks (requests we build still fit);
   * `removed` / `changed`: something the older file declares is gone or different.
   */
  change: 'added' | 'removed' | 'changed';
  /** The operation or type concerned, when there is one. */
  operation?: string;
  type?: string;
}

export interface DiffOptions {
  /** Leave out the service address (a sandbox or a proxy serves the WSDL under its own URL). */
  ignoreLocation?: boolean;
}

function describeType(def: WsdlTypeDef): string {
  return def.kind === 'array' ? `array of ${def.itemType}` : `struct (${def.fields.length} fields)`;
}

function diffFields(name: string, before: WsdlField[], after: WsdlField[], out: WsdlDifference[]): void {
  const a = new Map(before.map((f) => [f.name, f]));
  const b = new Map(after.map((f) => [f.name, f]));
  const push = (change: WsdlDifference['change'], text: string): void => {
    out.push({ text: `type ${name}: ${text}`, change, type: name });
  };
  for (const [field, f] of a) if (!b.has(field)) push('removed', `field removed: ${field} (${f.type})`);
  for (const [field, f] of b) {
    const old = a.get(field);
    if (!old) {
      push('added', `field added: ${field} (${f.type}${f.nillable ? ', nillable' : ''})`);
      continue;
    }
    if (old.type !== f.type) push('changed', `field ${field}: type ${old.type} -> ${f.type}`);
    if (old.nillable !== f.nillable)
      push('changed', `field ${field}: nillable ${old.nillable} -> ${f.nillable}`);
  }
}

function diffParts(
  op: string,
  side: string,
  before: WsdlPart[],
  after: WsdlPart[],
  out: WsdlDifference[],
): void {
  const names = (ps: WsdlPart[]): string => ps.map((p) => p.name).join(', ');
  const a = new Map(before.map((p) => [p.name, p]));
  const b = new Map(after.map((p) => [p.name, p]));
  const push = (change: WsdlDifference['change'], text: string): void => {
    out.push({ text: `operation ${op}: ${text}`, change, operation: op });
  };
  for (const p of before)
    if (!b.has(p.name)) push('removed', `${side} parameter removed: ${p.name} (${p.type})`);
  for (const p of after) {
    const old = a.get(p.name);
    if (!old) push('added', `${side} parameter added: ${p.name} (${p.type})`);
    else if (old.type !== p.type)
      push('changed', `${side} parameter ${p.name}: type ${old.type} -> ${p.type}`);
  }
  const common = (ps: WsdlPart[], other: Map<string, WsdlPart>): string =>
    ps
      .filter((p) => other.has(p.name))
      .map((p) => p.name)
      .join(',');
  if (common(before, b) !== common(after, a)) {
    push('changed', `${side} parameter order (${names(before)}) -> (${names(after)})`);
  }
}

/** How `after` (e.g. a service's WSDL) differs from `before` (the vendored one). Empty: the same. */
export function diffWsdlModels(
  before: WsdlModel,
  after: WsdlModel,
  options: DiffOptions = {},
): WsdlDifference[] {
  const out: WsdlDifference[] = [];
  const keys = ['targetNamespace', 'service', 'port', 'location'] as const;
  for (const key of keys) {
    if (key === 'location' && options.ignoreLocation) continue;
    if (before[key] !== after[key])
      out.push({ text: `${key}: ${before[key]} -> ${after[key]}`, change: 'changed' });
  }
  const opsA = before.operations;
  const opsB = after.operations;
  for (const op of Object.keys(opsA).sort())
    if (!opsB[op]) out.push({ text: `operation removed: ${op}`, change: 'removed', operation: op });
  for (const op of Object.keys(opsB).sort()) {
    const b = opsB[op];
    const a = opsA[op];
    if (!a) {
      out.push({
        text: `operation added: ${op}(${b.input.map((p) => `${p.name}: ${p.type}`).join(', ')}) -> ${b.output.type}`,
        change: 'added',
        operation: op,
      });
      continue;
    }
    diffParts(op, 'input', a.input, b.input, out);
    if (a.output.type !== b.output.type || a.output.name !== b.output.name) {
      out.push({
        text: `operation ${op}: output ${a.output.name}: ${a.output.type} -> ${b.output.name}: ${b.output.type}`,
        change: 'changed',
        operation: op,
      });
    }
    if (a.soapAction !== b.soapAction)
      out.push({
        text: `operation ${op}: soapAction ${a.soapAction} -> ${b.soapAction}`,
        change: 'changed',
        operation: op,
      });
  }
  const typesA = before.types;
  const typesB = after.types;
  for (const t of Object.keys(typesA).sort())
    if (!typesB[t]) out.push({ text: `type removed: ${t}`, change: 'removed', type: t });
  for (const t of Object.keys(typesB).sort()) {
    const a = typesA[t];
    const b = typesB[t];
    if (!a) out.push({ text: `type added: ${t}: ${describeType(b)}`, change: 'added', type: t });
    else if (a.kind !== b.kind)
      out.push({ text: `type ${t}: ${describeType(a)} -> ${describeType(b)}`, change: 'changed', type: t });
    else if (a.kind === 'array' && b.kind === 'array') {
      if (a.itemType !== b.itemType)
        out.push({ text: `type ${t}: item type ${a.itemType} -> ${b.itemType}`, change: 'changed', type: t });
    } else if (a.kind === 'struct' && b.kind === 'struct') diffFields(t, a.fields, b.fields, out);
  }
  return out;
}

/** The differences as indented lines, the form `wsdl:fetch --check` prints. Empty: the same. */
export function diffModels(before: WsdlModel, after: WsdlModel, options: DiffOptions = {}): string[] {
  return diffWsdlModels(before, after, options).map((d) => `  ${d.text}`);
}
