/** A decoded SOAP value: what the sandbox's operations read and what its encoder writes. */
export type SoapValue = string | number | boolean | null | SoapValue[] | SoapStruct;
/** A decoded SOAP struct: field name to value. */
export interface SoapStruct {
  [field: string]: SoapValue | undefined;
}

export function isStruct(value: SoapValue | undefined): value is SoapStruct {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
