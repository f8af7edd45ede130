/** Luhn checksum: 4111111111111111 passes, 4111111111111112 does not (a declined test card). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** VAT rates the sandbox applies by billing country (a small illustrative table; others 0). */
export const VAT_RATES: Readonly<Record<string, number>> = {
  at: 0.2,
  be: 0.21,
  de: 0.19,
  es: 0.21,
  fr: 0.2,
  gb: 0.2,
  ie: 0.23,
  it: 0.22,
  nl: 0.21,
  ro: 0.19,
  se: 0.25,
};

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
