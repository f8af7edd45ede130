import { main } from '../../examples/library-usage';

it('the README example runs against the sandbox', async () => {
  const lines: string[] = [];
  await main((...args: unknown[]) =>
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
  );
  const text = lines.join('\n');
  expect(text).toMatch(/created customer \d+/);
  expect(text).toContain('dry run: planned');
  expect(text).toContain('update: updated');
  expect(text).toContain('same update again: unchanged');
  expect(text).toContain('conflict detected');
  expect(text).toContain('not found: NOT_FOUND_CUSTOMER');
});
