/**
 * A double as PHP ext/soap writes it: php_gcvt with `precision` = 14 (PHP's default ini), so
 * 0.1 + 0.2 is "0.3", 39.0 is "39" and 1e25 is "1.0E+25".
 */
export function formatPhpDouble(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential(13).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 14) {
    let digits = mantissa.replace(/0+$/, '');
    if (digits.endsWith('.')) digits += '0';
    if (!digits.includes('.')) digits += '.0';
    return `${digits}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  return String(Number(value.toPrecision(14)));
}

/** xsd:int as PHP writes it (an integer; fractional input is truncated like PHP's (int) cast). */
export function formatPhpInt(value: number): string {
  return String(Math.trunc(value));
}
