export const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
export const LANGUAGE = /^[a-z]{2}$/i;

/** `FirstName` → `FIRST_NAME`, `Address1` → `ADDRESS1`: the field part of a fault code. */
export function upperSnake(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
