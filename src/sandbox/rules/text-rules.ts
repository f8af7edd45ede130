/** `FirstName` → `FIRST_NAME`, `Address1` → `ADDRESS1`: the field part of a fault code. */
export function upperSnake(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
