/**
 * The first key that appears twice at the top level of a JSON object text, or undefined.
 * JSON.parse silently keeps the last of two equal keys; a record naming a field twice is
 * ambiguous, so the sync refuses it instead. `text` must already have parsed as an object: this
 * only walks its structure (strings, nesting) to find the top-level keys, decoding escapes so
 * `"City"` and `"Ci\u0074y"` are the same key.
 */
export function duplicateTopLevelKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (seen.has(key)) return key;
        seen.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      depth += 1;
      if (c === '{' && depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') depth -= 1;
    else if (c === ',' && depth === 1) expectKey = true;
    i += 1;
  }
  return undefined;
}
