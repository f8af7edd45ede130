import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { codecs } from '../../generated/twocheckout/codecs';
import { DEFAULT_DECODE_LIMITS, ResponseDecoder, decodeResponse } from '../../src/wire/decoder';
import { DecodeError } from '../../src/wire/errors';

const SAMPLES = path.resolve(__dirname, '../samples');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name, 'response.xml'), 'utf8');
const getCustomer = codecs.getCustomerInformation.response;
const subscriptions = codecs.getCustomerSubscriptions.response;

function decodeInChunks(xml: string, cuts: number[]): unknown {
  const decoder = new ResponseDecoder(getCustomer, {
    ...DEFAULT_DECODE_LIMITS,
    deadlineAt: Infinity,
    now: Date.now,
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    decoder.write(xml.slice(from, cut), Buffer.byteLength(xml.slice(from, cut)));
    from = cut;
  }
  decoder.write(xml.slice(from), Buffer.byteLength(xml.slice(from)));
  return decoder.end();
}

const failure = (fn: () => unknown): DecodeError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a DecodeError');
};

describe('streaming decoder', () => {
  it('gives the same value however the body is cut into chunks', () => {
    const xml = sample('getCustomerInformation__escaping_and_whitespace').replace(/></g, '>\n  <');
    const whole = decodeResponse(getCustomer, xml);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 40 }), (cuts) => {
        expect(decodeInChunks(xml, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps string whitespace exactly, including a string of one space', () => {
    const out = decodeResponse(getCustomer, sample('getCustomerInformation__escaping_and_whitespace'));
    expect(out).toMatchObject({
      kind: 'value',
      value: { Address1: '  leading and trailing spaces  ', Address2: ' ' },
    });
  });

  it.each([
    ['a DOCTYPE (no entity is ever declared)', '<!DOCTYPE x [<!ENTITY a "b">]><x/>', 'malformed', /DOCTYPE/],
    ['an unknown entity', sample('login__ok').replace('8f1c', '&bogus;'), 'malformed', /unknown entity/],
    ['a stray &', sample('login__ok').replace('8f1c', 'a & b'), 'malformed', /&/],
    ['mismatched tags', sample('login__ok').replace('</loginReturn>', '</nope>'), 'malformed', /closes/],
    ['a truncated body', sample('login__ok').slice(0, 300), 'malformed', /ends inside/],
    ['HTML', '<html><body>oops</body></html>', 'not-soap', /expected a SOAP Envelope/],
    ['JSON', '{"a":1}', 'not-soap', /not XML/],
    ['nothing', '', 'not-soap', /no XML element/],
    ['a control character', sample('login__ok').replace('8f1c', '\u0001'), 'malformed', /character/],
  ])('refuses %s', (_name, xml, reason, message) => {
    const err = failure(() => decodeResponse(codecs.login.response, xml));
    expect(err.reason).toBe(reason);
    expect(err.message).toMatch(message);
  });

  it('checks the value against the WSDL with the normalizer’s messages and paths', () => {
    const bad = sample('getCustomerInformation__two_cards').replace(
      '<AvangateCustomerReference xsi:type="xsd:int">1001</AvangateCustomerReference>',
      '<AvangateCustomerReference xsi:type="xsd:int">1001abc</AvangateCustomerReference>',
    );
    const err = failure(() => decodeResponse(getCustomer, bad));
    expect(err.message).toBe(
      'getCustomerInformationReturn.AvangateCustomerReference: expected xsd:int, got a string',
    );
    const nilRef = sample('getCustomerInformation__two_cards').replace(
      '<AvangateCustomerReference xsi:type="xsd:int">1001</AvangateCustomerReference>',
      '<AvangateCustomerReference xsi:nil="true"/>',
    );
    expect(failure(() => decodeResponse(getCustomer, nilRef)).message).toBe(
      'getCustomerInformationReturn.AvangateCustomerReference: required Customer field is missing or nil',
    );
  });

  // Defect 2: decoding time counts inside the deadline. A clock that has passed the deadline
  // stops the decoder within a bounded number of values, whatever is left to decode.
  it('stops at the deadline while decoding, after a bounded number of values', () => {
    const items = Array.from(
      { length: 20_000 },
      () => '<item><SubscriptionReference>S</SubscriptionReference></item>',
    );
    const xml = sample('getCustomerSubscriptions__none').replace(
      /<getCustomerSubscriptionsReturn[^>]*\/>/,
      `<getCustomerSubscriptionsReturn>${items.join('')}</getCustomerSubscriptionsReturn>`,
    );
    let reads = 0;
    const decoder = new ResponseDecoder(subscriptions, {
      ...DEFAULT_DECODE_LIMITS,
      deadlineAt: 1,
      now: () => (++reads > 1 ? 2 : 0),
    });
    let err: unknown;
    try {
      decoder.write(xml, xml.length);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).reason).toBe('deadline');
    // The clock was read once per 2,048 values: the deadline was noticed on the second look.
    expect(reads).toBe(2);
  });

  it('refuses nesting deeper than the bound', () => {
    const xml = sample('login__ok').replace('<loginReturn', `${'<a>'.repeat(100)}<loginReturn`);
    expect(failure(() => decodeResponse(codecs.login.response, xml)).reason).toBe('limit');
  });

  it('refuses a forward or cyclic multi-ref, and one of the wrong type', () => {
    const forward = sample('getCustomerInformation__one_card').replace(
      /<ExistingCards[\s\S]*?<\/ExistingCards>/,
      '<ExistingCards href="#later"/>',
    );
    expect(failure(() => decodeResponse(getCustomer, forward)).message).toMatch(
      /points to no earlier element/,
    );
  });
});
