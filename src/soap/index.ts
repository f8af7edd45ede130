export {
  normalizeResult,
  normalizeValue,
  normalizeInput,
  normalizeArgs,
  NormalizeError,
  type NormalizedRequest,
} from './normalize';
export { toWireArgs, WireArgsError, type WireObject, type WireValue } from './wire-args';
export { vendoredWsdlPath, loadVendoredWsdl, WSDL_FILE_NAME } from './wsdl';
export {
  createSoapStub,
  type SoapStub,
  type SoapStubOptions,
  type SoapCallOptions,
  type SoapCallOutcome,
} from './stub';
