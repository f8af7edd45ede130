import { SoapFault } from '../faults/soap-fault';
import { isStruct, type SoapStruct, type SoapValue } from '../xml/values';
import { optStruct, requireString, type Args } from './args';
import type { OpContext } from './context';

function pick(doc: SoapStruct, fields: readonly string[]): SoapStruct {
  const out: SoapStruct = {};
  for (const f of fields) out[f] = doc[f] ?? null;
  return out;
}

const CAMPAIGN_FIELDS = [
  'CampaignCode',
  'Name',
  'MasterProducts',
  'DisplayType',
  'DisplayInEmail',
  'Products',
  'StartDate',
  'EndDate',
] as const;
const GROUP_FIELDS = ['Code', 'Name', 'Description', 'Translations', 'Type', 'Required', 'Options'] as const;

export function getProduct(ctx: OpContext, code: string): SoapStruct {
  const product = ctx.store.get(ctx.merchant, 'product', code);
  if (!product) throw new SoapFault('NOT_FOUND_PRODUCT', `No product with ProductCode ${code}`);
  return product;
}

/** The cross-sell campaigns whose master products include ProductCode (possibly none). */
export function getProductCrossSellCampaigns(ctx: OpContext, args: Args): SoapStruct[] {
  const code = requireString(args.ProductCode, 'ProductCode', 'INVALID_PRODUCT_CODE');
  getProduct(ctx, code);
  return ctx.store
    .list(ctx.merchant, 'crossSellCampaign')
    .filter((c) => Array.isArray(c.MasterProducts) && c.MasterProducts.includes(code))
    .sort((a, b) => String(a.CampaignCode).localeCompare(String(b.CampaignCode)))
    .map((c) => pick(c, CAMPAIGN_FIELDS));
}

export function getPriceOptionGroup(ctx: OpContext, args: Args): SoapStruct {
  const code = requireString(args.PriceOptionGroupCode, 'PriceOptionGroupCode', 'INVALID_PRICE_OPTION_GROUP');
  const group = ctx.store.get(ctx.merchant, 'priceOptionGroup', code);
  if (!group) throw new SoapFault('NOT_FOUND_PRICE_OPTION_GROUP', `No price option group with Code ${code}`);
  return pick(group, GROUP_FIELDS);
}

const MAX_LIMIT = 200;

/**
 * Name: case-insensitive substring; Types: the group's Type must be one of them; Limit (default
 * 10, at most 200) and Page (default 1) page through the matches ordered by Code.
 */
export function searchPriceOptionGroups(ctx: OpContext, args: Args): SoapStruct[] {
  const options = optStruct(args.SearchOptions) ?? {};
  const name = typeof options.Name === 'string' && options.Name !== '' ? options.Name.toLowerCase() : null;
  const types = Array.isArray(options.Types) && options.Types.length > 0 ? options.Types : null;
  const limit = typeof options.Limit === 'number' ? options.Limit : 10;
  const page = typeof options.Page === 'number' ? options.Page : 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SoapFault('INVALID_LIMIT', `SearchOptions.Limit must be 1 to ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(page) || page < 1)
    throw new SoapFault('INVALID_PAGE', 'SearchOptions.Page must be 1 or more');
  return ctx.store
    .list(ctx.merchant, 'priceOptionGroup')
    .filter(
      (g) =>
        name === null ||
        String(g.Name ?? '')
          .toLowerCase()
          .includes(name),
    )
    .filter(
      (g) =>
        types === null ||
        types.some(
          (t: SoapValue) => typeof t === 'string' && t.toUpperCase() === String(g.Type).toUpperCase(),
        ),
    )
    .sort((a, b) => String(a.Code).localeCompare(String(b.Code)))
    .slice((page - 1) * limit, page * limit)
    .map((g) => pick(g, GROUP_FIELDS));
}

const FIELD_FIELDS = [
  'Code',
  'Label',
  'Type',
  'ApplyTo',
  'Values',
  'ValidationRule',
  'Translations',
] as const;
const FIELD_TYPES = ['LISTBOX', 'CHECKBOX', 'TEXT', 'HIDDEN'];
const APPLY_TO = ['ORDER', 'PRODUCT'];

function additionalField(ctx: OpContext, code: string): SoapStruct {
  const field = ctx.store.get(ctx.merchant, 'additionalField', code);
  if (!field) throw new SoapFault('NOT_FOUND_ADDITIONAL_FIELD', `No additional field with Code ${code}`);
  return field;
}

export function getAdditionalField(ctx: OpContext, args: Args): SoapStruct {
  const code = requireString(args.FieldCode, 'FieldCode', 'INVALID_FIELD_CODE');
  return pick(additionalField(ctx, code), FIELD_FIELDS);
}

/**
 * Read-modify-write like customers: absent fields stay, nil clears the optional ones. Code cannot
 * change; Type and ApplyTo must be known values; a LISTBOX needs Values; ValidationRule must be a
 * valid regular expression.
 */
export function updateAdditionalField(ctx: OpContext, args: Args): boolean {
  const code = requireString(args.FieldCode, 'FieldCode', 'INVALID_FIELD_CODE');
  const stored = additionalField(ctx, code);
  const input = optStruct(args.AdditionalField);
  if (!input) throw new SoapFault('INVALID_ADDITIONAL_FIELD', 'AdditionalField is required');
  if (input.Code !== undefined && input.Code !== null && input.Code !== code) {
    throw new SoapFault('READONLY_FIELD', 'AdditionalField.Code is read-only and must equal FieldCode');
  }
  const next: SoapStruct = { ...stored };
  for (const f of FIELD_FIELDS) if (f !== 'Code' && input[f] !== undefined) next[f] = input[f];
  if (typeof next.Label !== 'string' || next.Label.trim() === '') {
    throw new SoapFault('EMPTY_LABEL', 'Required field is empty: AdditionalField.Label');
  }
  if (typeof next.Type !== 'string' || !FIELD_TYPES.includes(next.Type.toUpperCase())) {
    throw new SoapFault('INVALID_TYPE', `AdditionalField.Type must be one of ${FIELD_TYPES.join(', ')}`);
  }
  next.Type = next.Type.toUpperCase();
  if (typeof next.ApplyTo !== 'string' || !APPLY_TO.includes(next.ApplyTo.toUpperCase())) {
    throw new SoapFault('INVALID_APPLY_TO', `AdditionalField.ApplyTo must be one of ${APPLY_TO.join(', ')}`);
  }
  next.ApplyTo = next.ApplyTo.toUpperCase();
  if (next.Type === 'LISTBOX' && !(Array.isArray(next.Values) && next.Values.length > 0)) {
    throw new SoapFault('INVALID_VALUES', 'A LISTBOX additional field needs at least one of Values');
  }
  if (typeof next.ValidationRule === 'string' && next.ValidationRule !== '') {
    try {
      new RegExp(next.ValidationRule);
    } catch {
      throw new SoapFault(
        'INVALID_VALIDATION_RULE',
        'AdditionalField.ValidationRule is not a valid regular expression',
      );
    }
  }
  ctx.store.put(ctx.merchant, 'additionalField', code, next);
  return true;
}

function assignmentKey(field: string, product: string): string {
  return `${field}\u0000${product}`;
}

/** Assigns a PRODUCT field to a product (again: updates Required). */
export function assignAdditionalField(ctx: OpContext, args: Args): boolean {
  const code = requireString(args.FieldCode, 'FieldCode', 'INVALID_FIELD_CODE');
  const productCode = requireString(args.ProductCode, 'ProductCode', 'INVALID_PRODUCT_CODE');
  const field = additionalField(ctx, code);
  getProduct(ctx, productCode);
  if (field.ApplyTo !== 'PRODUCT') {
    throw new SoapFault('INVALID_APPLY_TO', `Additional field ${code} applies to orders, not products`);
  }
  ctx.store.put(ctx.merchant, 'fieldAssignment', assignmentKey(code, productCode), {
    FieldCode: code,
    ProductCode: productCode,
    Required: args.Required === true,
  });
  return true;
}

export function unassignAdditionalField(ctx: OpContext, args: Args): boolean {
  const code = requireString(args.FieldCode, 'FieldCode', 'INVALID_FIELD_CODE');
  const productCode = requireString(args.ProductCode, 'ProductCode', 'INVALID_PRODUCT_CODE');
  additionalField(ctx, code);
  getProduct(ctx, productCode);
  const key = assignmentKey(code, productCode);
  if (!ctx.store.get(ctx.merchant, 'fieldAssignment', key)) {
    throw new SoapFault(
      'NOT_FOUND_ADDITIONAL_FIELD',
      `Additional field ${code} is not assigned to product ${productCode}`,
    );
  }
  ctx.store.delete(ctx.merchant, 'fieldAssignment', key);
  return true;
}

export function fieldAssignments(ctx: OpContext, productCode: string): SoapStruct[] {
  return ctx.store.list(ctx.merchant, 'fieldAssignment').filter((a) => a.ProductCode === productCode);
}

export function priceOptionGroupsOf(ctx: OpContext, product: SoapStruct): SoapStruct[] {
  const codes = Array.isArray(product.PriceOptionGroups) ? product.PriceOptionGroups : [];
  return codes
    .map((c) => (typeof c === 'string' ? ctx.store.get(ctx.merchant, 'priceOptionGroup', c) : undefined))
    .filter(isStruct);
}
