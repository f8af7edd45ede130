import { schema } from '../generated/twocheckout/schema';
test('schema lists login', () => {
  expect(schema.operations.login.input.map((p) => p.name)).toEqual(['merchantCode', 'date', 'hash']);
});
