export const NS = {
  'SOAP-ENV': 'http://schemas.xmlsoap.org/soap/envelope/',
  ns1: 'urn:order',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  'SOAP-ENC': 'http://schemas.xmlsoap.org/soap/encoding/',
} as const;

export type NsPrefix = keyof typeof NS;
