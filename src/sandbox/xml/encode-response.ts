import { schema } from '../../../generated/twocheckout/schema';
import { escapeAttribute, escapeText } from './escape';
import { NS, type NsPrefix } from './namespaces';
import { formatPhpDouble, formatPhpInt } from './php-format';
import { isStruct, type SoapValue } from './values';

type FieldDef = { readonly name: string; readonly type: string; readonly nillable: boolean };
type TypeDef =
  | { readonly kind: 'struct'; readonly fields: readonly FieldDef[] }
  | { readonly kind: 'array'; readonly itemType: string };

const types = schema.types as unknown as Record<string, TypeDef>;

/**
 * Serializes the way PHP's SoapServer does: envelope namespaces are declared in the order the
 * body first uses them (libxml adds them to the envelope as ext/soap meets them), with xsd and
 * SOAP-ENC appended at the end if unused. Struct children are written before the struct's own
 * xsi:type; an array's arrayType attribute before its items.
 */
class Writer {
  private readonly used: NsPrefix[] = ['ns1'];
  readonly parts: string[] = [];

  use(prefix: NsPrefix): void {
    if (!this.used.includes(prefix)) this.used.push(prefix);
  }

  declarations(): string {
    const order = [...this.used];
    for (const extra of ['xsd', 'SOAP-ENC'] as const) if (!order.includes(extra)) order.push(extra);
    return order.map((p) => ` xmlns:${p}="${NS[p]}"`).join('');
  }

  value(name: string, type: string, value: SoapValue | undefined): void {
    if (value === null || value === undefined) {
      this.use('xsi');
      this.parts.push(`<${name} xsi:nil="true"/>`);
      return;
    }
    if (type.startsWith('xsd:')) {
      this.use('xsd');
      this.use('xsi');
      this.parts.push(`<${name} xsi:type="${type}">${escapeText(formatScalar(type, value, name))}</${name}>`);
      return;
    }
    const def = types[type];
    if (!def) throw new Error(`encoder: unknown type ${type}`);
    if (def.kind === 'array') {
      if (!Array.isArray(value)) throw new Error(`encoder: ${name} must be an array`);
      const itemType = def.itemType.startsWith('xsd:') ? def.itemType : `ns1:${def.itemType}`;
      this.use(def.itemType.startsWith('xsd:') ? 'xsd' : 'ns1');
      this.use('SOAP-ENC');
      const head = `<${name} SOAP-ENC:arrayType="${escapeAttribute(itemType)}[${value.length}]"`;
      if (value.length === 0) {
        this.use('xsi');
        this.parts.push(`${head} xsi:type="ns1:${type}"/>`);
        return;
      }
      const at = this.parts.length;
      this.parts.push('');
      for (const item of value) this.value('item', def.itemType, item);
      this.use('xsi');
      this.parts[at] = `${head} xsi:type="ns1:${type}">`;
      this.parts.push(`</${name}>`);
      return;
    }
    if (!isStruct(value)) throw new Error(`encoder: ${name} must be a struct`);
    const at = this.parts.length;
    this.parts.push('');
    for (const field of def.fields) this.value(field.name, field.type, value[field.name]);
    this.use('xsi');
    this.parts[at] = `<${name} xsi:type="ns1:${type}">`;
    this.parts.push(`</${name}>`);
  }
}

function formatScalar(type: string, value: SoapValue, name: string): string {
  switch (type) {
    case 'xsd:boolean':
      return value === true || value === 'true' || value === 1 ? 'true' : 'false';
    case 'xsd:int':
    case 'xsd:long':
      if (typeof value !== 'number') throw new Error(`encoder: ${name} must be a number`);
      return formatPhpInt(value);
    case 'xsd:double':
    case 'xsd:float':
      if (typeof value !== 'number') throw new Error(`encoder: ${name} must be a number`);
      return formatPhpDouble(value);
    default:
      if (typeof value === 'object') throw new Error(`encoder: ${name} must be a scalar`);
      return String(value);
  }
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The full response envelope for one operation's return value. */
export function encodeResponse(
  operation: string,
  returnName: string,
  returnType: string,
  value: SoapValue,
): string {
  const writer = new Writer();
  writer.value(returnName, returnType, value);
  return (
    `${XML_DECL}<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS['SOAP-ENV']}"${writer.declarations()}` +
    ` SOAP-ENV:encodingStyle="${NS['SOAP-ENC']}"><SOAP-ENV:Body><ns1:${operation}Response>` +
    `${writer.parts.join('')}</ns1:${operation}Response></SOAP-ENV:Body></SOAP-ENV:Envelope>\n`
  );
}

/** A SOAP 1.1 fault exactly as PHP's SoapServer writes `new SoapFault(code, string)`. */
export function encodeFault(code: string, message: string): string {
  return (
    `${XML_DECL}<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS['SOAP-ENV']}"><SOAP-ENV:Body><SOAP-ENV:Fault>` +
    `<faultcode>${escapeText(code)}</faultcode><faultstring>${escapeText(message)}</faultstring>` +
    `</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n`
  );
}
