// Streaming response decoder: scanner events go straight into the operation's domain value, driven
// by the compiled plan (generated/<wsdl>/codecs.ts). No intermediate tree and no {attributes,$value}
// wrappers, with the normalizer's semantics (src/soap/normalize.ts is the oracle in the tests):
// nil is null, an empty element is '', numbers and booleans are typed, SOAP-ENC arrays are always
// arrays (nil or absent: []), every struct field is present, unknown elements are ignored.
//
// Bounds, so a hostile or broken server cannot make the client spin or balloon:
// - element depth (maxDepth);
// - decoded nodes: at most `nodesBase + bytes received so far`. A PHP response without multi-refs
//   needs at most one node per 4 bytes (`<a/>`), so only reference amplification ever reaches it;
// - the call's deadline is checked while decoding, not only while waiting for bytes.
import { DecodeError } from './errors';
import type { ArrayPlan, FieldPlan, ResponsePlan, ScalarPlan, StructPlan, ValuePlan } from './plan';
import { XmlScanner, type XmlHandler } from './xml-scanner';

export const SOAP11_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12_ENV = 'http://www.w3.org/2003/05/soap-envelope';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface DecodeLimits {
  maxDepth: number;
  /** Decoded nodes allowed on top of one per response byte. */
  nodesBase: number;
  /** Absolute time (now() scale) after which decoding stops with reason 'deadline'. */
  deadlineAt: number;
  now: () => number;
}

export const DEFAULT_DECODE_LIMITS: Omit<DecodeLimits, 'deadlineAt' | 'now'> = {
  maxDepth: 64,
  nodesBase: 4096,
};

/** Faultstrings are cut to this many characters while they are read (the client caps them further). */
export const FAULT_TEXT_KEEP = 64 * 1024;

export interface DecodedFault {
  kind: 'fault';
  code: string;
  string: string;
  /** Length of the faultstring as sent (it may have been cut to FAULT_TEXT_KEEP). */
  stringLength: number;
}

export type Decoded = { kind: 'value'; value: unknown } | DecodedFault;

const T_ENVELOPE = 0;
const T_SKIP = 1;
const T_BODY = 2;
const T_RESPONSE = 3;
const T_VALUE = 4;
const T_FAULT = 5;
const T_FAULT_PART = 6;

interface Frame {
  t: number;
  plan: ValuePlan | undefined;
  /** Path segment: `.Name`, `[3]` or the part name. */
  label: string;
  field: FieldPlan | undefined;
  value: unknown;
  text: string;
  nil: boolean;
  /** Already resolved from an href: children and text are ignored. */
  resolved: boolean;
  id: string | undefined;
  seen: number;
  seenMore: Set<string> | undefined;
  /** Which fault part (faultcode / faultstring), for T_FAULT_PART. */
  part: string;
}

const INT_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function describeText(text: string): string {
  return text === '' ? 'an empty string' : 'a string';
}

export class ResponseDecoder implements XmlHandler {
  private readonly scanner: XmlScanner;
  private readonly frames: Frame[] = [];
  private bytes = 0;
  private nodes = 0;
  private sinceCheck = 0;
  private envelopeSeen = false;
  private bodySeen = false;
  private responseSeen = false;
  private result: Decoded | undefined;
  private refs: Map<string, { plan: ValuePlan; value: unknown }> | undefined;
  private fault: { code: string; string: string; length: number } | undefined;

  constructor(
    private readonly plan: ResponsePlan,
    private readonly limits: DecodeLimits,
  ) {
    this.scanner = new XmlScanner(this, limits);
  }

  /** Feeds decoded text; `byteLength` is its size on the wire (the node budget grows with it). */
  write(chunk: string, byteLength: number): void {
    this.bytes += byteLength;
    this.scanner.write(chunk);
    this.checkDeadline();
  }

  end(): Decoded {
    this.scanner.end();
    if (!this.envelopeSeen) throw new DecodeError('not-soap', 'the response is XML but not a SOAP envelope');
    if (!this.bodySeen) throw new DecodeError('unexpected', 'the SOAP envelope has no Body');
    if (this.result) return this.result;
    throw new DecodeError('unexpected', `the SOAP Body holds no ${this.plan.element} and no Fault`);
  }

  private checkDeadline(): void {
    if (this.limits.now() > this.limits.deadlineAt) {
      throw new DecodeError('deadline', 'the deadline passed while the response was being decoded');
    }
  }

  private count(n: number): void {
    this.nodes += n;
    if (this.nodes > this.limits.nodesBase + this.bytes) {
      throw new DecodeError(
        'limit',
        `the response expands to more than ${this.limits.nodesBase + this.bytes} values from ${this.bytes} bytes (multi-ref amplification?)`,
      );
    }
    this.sinceCheck += n;
    if (this.sinceCheck >= 2048) {
      this.sinceCheck = 0;
      this.checkDeadline();
    }
  }

  private path(): string {
    let out = '';
    for (const f of this.frames) if (f.t === T_VALUE) out += f.label;
    return out;
  }

  private fail(message: string, extra = ''): never {
    throw new DecodeError('unexpected', message, this.path() + extra);
  }

  private push(t: number, plan: ValuePlan | undefined, label: string, field: FieldPlan | undefined): Frame {
    const frame: Frame = {
      t,
      plan,
      label,
      field,
      value: undefined,
      text: '',
      nil: false,
      resolved: false,
      id: undefined,
      seen: 0,
      seenMore: undefined,
      part: '',
    };
    this.frames.push(frame);
    return frame;
  }

  open(prefix: string, local: string, attrs: readonly string[]): void {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) {
      const uri = this.scanner.uri(prefix);
      if (local !== 'Envelope') {
        throw new DecodeError('not-soap', `expected a SOAP Envelope, got <${local.slice(0, 40)}>`);
      }
      if (uri === SOAP12_ENV)
        throw new DecodeError('not-soap', 'a SOAP 1.2 envelope (the service speaks SOAP 1.1)');
      if (uri !== SOAP11_ENV) throw new DecodeError('not-soap', 'an Envelope outside the SOAP 1.1 namespace');
      this.envelopeSeen = true;
      this.push(T_ENVELOPE, undefined, '', undefined);
      return;
    }
    switch (parent.t) {
      case T_VALUE:
        this.openValueChild(parent, local, attrs);
        return;
      case T_SKIP:
      case T_FAULT_PART:
        this.count(1);
        this.push(T_SKIP, undefined, '', undefined);
        return;
      case T_ENVELOPE:
        if (local === 'Body' && this.scanner.uri(prefix) === SOAP11_ENV) {
          if (this.bodySeen) throw new DecodeError('unexpected', 'the SOAP envelope has two Bodies');
          this.bodySeen = true;
          this.push(T_BODY, undefined, '', undefined);
        } else {
          this.push(T_SKIP, undefined, '', undefined);
        }
        return;
      case T_BODY:
        if (this.result || this.responseSeen || this.fault) {
          // Independent multi-ref elements or trailing junk after the answer: not part of it.
          this.push(T_SKIP, undefined, '', undefined);
          return;
        }
        if (local === 'Fault' && this.scanner.uri(prefix) === SOAP11_ENV) {
          this.fault = { code: '', string: '', length: 0 };
          this.push(T_FAULT, undefined, '', undefined);
          return;
        }
        if (local !== this.plan.element) {
          throw new DecodeError(
            'unexpected',
            `expected ${this.plan.element}, got ${local.slice(0, 80)} (the answer to another request?)`,
          );
        }
        this.responseSeen = true;
        this.push(T_RESPONSE, undefined, '', undefined);
        return;
      case T_RESPONSE:
        if (local === this.plan.part && parent.value === undefined) {
          parent.value = true;
          this.openValue(this.plan.plan, this.plan.part, undefined, attrs);
        } else {
          this.push(T_SKIP, undefined, '', undefined);
        }
        return;
      case T_FAULT: {
        const f = this.push(T_FAULT_PART, undefined, '', undefined);
        // SOAP 1.1 faultcode/faultstring; the SOAP 1.2 shape (Code/Value, Reason/Text) that some
        // servers put in a 1.1 envelope is read too.
        f.part =
          local === 'faultcode' || local === 'Code'
            ? 'code'
            : local === 'faultstring' || local === 'Reason'
              ? 'string'
              : '';
        return;
      }
    }
  }

  private openValueChild(parent: Frame, local: string, attrs: readonly string[]): void {
    if (parent.resolved || parent.nil) {
      this.count(1);
      this.push(T_SKIP, undefined, '', undefined);
      return;
    }
    const plan = parent.plan as ValuePlan;
    if (plan.k === 'struct') {
      const field = plan.fields[local];
      if (field === undefined) {
        this.count(1);
        this.push(T_SKIP, undefined, '', undefined);
        return;
      }
      const index = field.index;
      if (index < 30) {
        const bit = 1 << index;
        if (parent.seen & bit) this.fail(`${plan.name} field ${local} is given twice`);
        parent.seen |= bit;
      } else {
        parent.seenMore ??= new Set();
        if (parent.seenMore.has(local)) this.fail(`${plan.name} field ${local} is given twice`);
        parent.seenMore.add(local);
      }
      this.openValue(field.plan, `.${local}`, field, attrs);
      return;
    }
    if (plan.k === 'array') {
      // SOAP-ENC array members may have any element name; PHP writes <item>.
      this.openValue(plan.item, `[${(parent.value as unknown[]).length}]`, undefined, attrs);
      return;
    }
    this.fail(`expected ${plan.name}, got an element with children`);
  }

  private openValue(
    plan: ValuePlan,
    label: string,
    field: FieldPlan | undefined,
    attrs: readonly string[],
  ): void {
    const frame = this.push(T_VALUE, plan, label, field);
    for (let i = 0; i < attrs.length; i += 2) {
      const name = attrs[i] as string;
      const value = attrs[i + 1] as string;
      if (name === 'href') {
        this.resolveHref(frame, value);
      } else if (name === 'id') {
        frame.id = value;
      } else if (name.endsWith(':nil') || name === 'nil') {
        const colon = name.indexOf(':');
        if (
          this.scanner.uri(colon < 0 ? '' : name.slice(0, colon)) === XSI &&
          (value === 'true' || value === '1')
        ) {
          frame.nil = true;
        }
      }
    }
    if (frame.nil || frame.resolved) return;
    if (plan.k === 'struct') frame.value = plan.create();
    else if (plan.k === 'array') frame.value = [];
  }

  private resolveHref(frame: Frame, href: string): void {
    const id = href.startsWith('#') ? href.slice(1) : '';
    const target = id ? this.refs?.get(id) : undefined;
    if (!target) {
      this.fail(
        id
          ? `multi-ref ${href.slice(0, 40)} points to no earlier element (forward and cyclic references are not supported)`
          : 'an href that is not a same-document reference',
      );
    }
    if (target.plan !== frame.plan) {
      this.fail(
        `multi-ref ${href.slice(0, 40)} is a ${target.plan.name}, expected ${(frame.plan as ValuePlan).name}`,
      );
    }
    frame.value = this.clone(target.value);
    frame.resolved = true;
  }

  /** A deep copy, counted against the node budget: every reference costs what expanding it costs. */
  private clone(value: unknown): unknown {
    this.count(1);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.clone(value[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = this.clone((value as Record<string, unknown>)[key]);
    return out;
  }

  text(text: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) return;
    if (frame.t === T_VALUE) {
      // Text inside structs and arrays (whitespace between elements) is not part of the value.
      if ((frame.plan as ValuePlan).k === 'scalar' && !frame.nil && !frame.resolved) frame.text += text;
    } else if (frame.t === T_FAULT_PART || (frame.t === T_SKIP && this.inFaultPart())) {
      this.faultText(text);
    }
  }

  private inFaultPart(): boolean {
    // Text of <Code><Value>…</Value></Code> and <Reason><Text>…</Text></Reason> (SOAP 1.2 shape).
    const parent = this.frames[this.frames.length - 2];
    return parent !== undefined && parent.t === T_FAULT_PART && parent.part !== '';
  }

  private faultText(text: string): void {
    const fault = this.fault;
    if (!fault) return;
    const frame = this.frames[this.frames.length - 1] as Frame;
    const part = frame.t === T_FAULT_PART ? frame.part : (this.frames[this.frames.length - 2] as Frame).part;
    if (part === 'code') {
      if (fault.code.length < 256) fault.code = (fault.code + text).slice(0, 256);
    } else if (part === 'string') {
      fault.length += text.length;
      if (fault.string.length < FAULT_TEXT_KEEP)
        fault.string = (fault.string + text).slice(0, FAULT_TEXT_KEEP);
    }
  }

  close(): void {
    const frame = this.frames.pop() as Frame;
    switch (frame.t) {
      case T_VALUE:
        this.closeValue(frame);
        return;
      case T_RESPONSE:
        if (frame.value === undefined) {
          throw new DecodeError('unexpected', `${this.plan.element} holds no ${this.plan.part}`);
        }
        return;
      case T_FAULT: {
        const fault = this.fault as { code: string; string: string; length: number };
        this.result = {
          kind: 'fault',
          code: fault.code.trim(),
          string: fault.string,
          stringLength: fault.length,
        };
        return;
      }
      default:
        return;
    }
  }

  private closeValue(frame: Frame): void {
    this.count(1);
    const plan = frame.plan as ValuePlan;
    let value: unknown;
    if (frame.resolved) {
      value = frame.value;
    } else if (frame.nil) {
      value = null;
    } else if (plan.k === 'scalar') {
      value = this.scalar(plan, frame.text, frame);
    } else if (plan.k === 'struct') {
      value = frame.value;
      for (const f of plan.order) {
        if ((value as Record<string, unknown>)[f.name] === undefined) {
          this.frames.push(frame);
          this.fail(`required ${plan.name} field is missing or nil`, `.${f.name}`);
        }
      }
    } else {
      value = frame.value;
    }
    if (frame.id !== undefined && !frame.resolved && value !== null) {
      this.refs ??= new Map();
      this.refs.set(frame.id, { plan, value });
    }
    const parent = this.frames[this.frames.length - 1] as Frame;
    if (parent.t === T_RESPONSE) {
      if (value === null) {
        if (plan.k === 'array') value = [];
        else {
          this.frames.push(frame);
          this.fail(`the ${plan.name} return value is missing or nil`);
        }
      }
      this.result = { kind: 'value', value };
      return;
    }
    const parentPlan = parent.plan as ValuePlan;
    if (parentPlan.k === 'array') {
      (parent.value as unknown[]).push(value);
      return;
    }
    const field = frame.field as FieldPlan;
    if (value === null) {
      if (plan.k === 'array') value = [];
      else if (!field.nullable) {
        this.frames.push(frame);
        this.fail(`required ${(parentPlan as StructPlan).name} field is missing or nil`);
      }
    }
    (parent.value as Record<string, unknown>)[field.name] = value;
  }

  private scalar(plan: ScalarPlan, text: string, frame: Frame): unknown {
    switch (plan.scalar) {
      case 0:
        return text;
      case 1: {
        const t = text.trim();
        if (INT_RE.test(t)) {
          const n = Number(t);
          if (Number.isSafeInteger(n)) return n;
        }
        break;
      }
      case 2: {
        const t = text.trim();
        if (DOUBLE_RE.test(t)) return Number(t);
        if (t === 'INF') return Infinity;
        if (t === '-INF') return -Infinity;
        if (t === 'NAN' || t === 'NaN') return NaN;
        break;
      }
      case 3: {
        const t = text.trim();
        if (t === 'true' || t === '1') return true;
        if (t === 'false' || t === '0') return false;
        break;
      }
    }
    this.frames.push(frame);
    return this.fail(`expected ${plan.name}, got ${describeText(text)}`);
  }
}

/** Decodes a whole response body at once (tests, tools); the client feeds chunks instead. */
export function decodeResponse(plan: ResponsePlan, xml: string, limits: Partial<DecodeLimits> = {}): Decoded {
  const decoder = new ResponseDecoder(plan, {
    ...DEFAULT_DECODE_LIMITS,
    deadlineAt: Infinity,
    now: Date.now,
    ...limits,
  });
  decoder.write(xml, Buffer.byteLength(xml));
  return decoder.end();
}

export type { ArrayPlan, StructPlan };
