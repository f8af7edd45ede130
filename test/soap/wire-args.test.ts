import { toWireArgs, WireArgsError } from '../../src/soap';

describe('toWireArgs', () => {
  test('login: parts in WSDL order, no session; algo is the 4th part', () => {
    const wire = toWireArgs('login', {
      merchantCode: 'M',
      date: '2026-01-01 00:00:00',
      hash: 'h',
      algo: 'sha256',
    });
    expect(wire).toEqual({ merchantCode: 'M', date: '2026-01-01 00:00:00', hash: 'h', algo: 'sha256' });
    expect(Object.keys(wire)).toEqual(['merchantCode', 'date', 'hash', 'algo']);
    // A trailing part not given is not sent (PHP SoapClient's rule): md5 stays the 3-part login.
    expect(Object.keys(toWireArgs('login', { merchantCode: 'M', date: 'd', hash: 'h' }))).toEqual([
      'merchantCode',
      'date',
      'hash',
    ]);
  });

  test('sessionID first; null parts and missing parts before a given one sent as xsi:nil', () => {
    const wire = toWireArgs(
      'getCustomerInformation',
      { AvangateCustomerReference: 5, ExternalCustomerReference: null },
      'SID',
    );
    expect(wire).toEqual({
      sessionID: 'SID',
      AvangateCustomerReference: 5,
      ExternalCustomerReference: { attributes: { 'xsi:nil': 'true' } },
    });
    expect(Object.keys(wire)).toEqual([
      'sessionID',
      'AvangateCustomerReference',
      'ExternalCustomerReference',
    ]);
    expect(toWireArgs('getCustomerInformation', { ExternalCustomerReference: 'E' }, 'SID')).toEqual({
      sessionID: 'SID',
      AvangateCustomerReference: { attributes: { 'xsi:nil': 'true' } },
      ExternalCustomerReference: 'E',
    });
  });

  test('trailing parts that are not given are not sent (optional trailing parts, e.g. login algo)', () => {
    expect(
      Object.keys(toWireArgs('getCustomerInformation', { AvangateCustomerReference: 5 }, 'SID')),
    ).toEqual(['sessionID', 'AvangateCustomerReference']);
  });

  test('arrays become item lists, nulls nil, undefined fields omitted', () => {
    const wire = toWireArgs(
      'placeOrder',
      {
        Order: {
          Currency: 'EUR',
          ExternalReference: undefined,
          Items: [
            { Code: 'A', Quantity: 2, PriceOptions: ['X', 'Y'] },
            { Code: 'B', PriceOptions: [] },
          ],
          Promotions: null,
        },
      },
      'SID',
    );
    expect(wire.Order).toEqual({
      Currency: 'EUR',
      Items: {
        item: [
          { Code: 'A', Quantity: 2, PriceOptions: { item: ['X', 'Y'] } },
          { Code: 'B', PriceOptions: { item: [] } },
        ],
      },
      Promotions: { attributes: { 'xsi:nil': 'true' } },
    });
  });

  test('bad input is refused naming the path, never quoting the value', () => {
    const call = () =>
      toWireArgs(
        'createCustomer',
        { Customer: { AvangateCustomerReference: 1.5 as number, Email: 'secret@x' } },
        'SID',
      );
    expect(call).toThrow(WireArgsError);
    expect(call).toThrow(
      'createCustomer request: Customer.AvangateCustomerReference: expected xsd:int, got a number',
    );
    expect(() => toWireArgs('createCustomer', { Customer: { Emial: 'x' } as never }, 'SID')).toThrow(
      'createCustomer request: Customer.Emial: Customer has no field Emial',
    );
    expect(() => toWireArgs('placeOrder', { Order: { Items: {} as never } }, 'SID')).toThrow(
      'placeOrder request: Order.Items: expected an array (ArrayOfOrderItem), got a object',
    );
    expect(() => toWireArgs('getCustomerInformation', { Nope: 1 } as never, 'SID')).toThrow(
      'getCustomerInformation request: Nope: getCustomerInformation has no input part Nope',
    );
  });

  test('sessionID is required except for login, and cannot be passed as an arg', () => {
    expect(() => toWireArgs('getCustomerInformation', {})).toThrow(
      'getCustomerInformation request: sessionID: a session is required',
    );
    expect(() => toWireArgs('getCustomerInformation', { sessionID: 'x' } as never, 'SID')).toThrow(
      /no input part sessionID/,
    );
    expect(() => toWireArgs('nope' as never, {} as never, 'SID')).toThrow('Unknown SOAP operation "nope"');
  });
});
