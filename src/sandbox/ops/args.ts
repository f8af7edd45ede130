import { SoapFault } from '../faults/soap-fault';
import { isStruct, type SoapStruct, type SoapValue } from '../xml/values';

export type Args = Record<string, SoapValue | undefined>;

/** A string part; '' and nil both mean "not given". */
export function optString(value: SoapValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function requireString(
  value: SoapValue | undefined,
  name: string,
  code = 'INVALID_PARAMETER',
): string {
  const s = optString(value);
  if (s === null) throw new SoapFault(code, `${name} is required`);
  return s;
}

/** An int part; nil and 0 both mean "not given" (Avangate's own client sends 0 for "none"). */
export function optReference(value: SoapValue | undefined): number | null {
  return typeof value === 'number' && value !== 0 ? value : null;
}

export function optStruct(value: SoapValue | undefined): SoapStruct | null {
  return isStruct(value) ? value : null;
}
