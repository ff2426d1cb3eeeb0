/** A list of SQL string literals for a CHECK constraint over an enumeration: `'A', 'B'` (the values are constants, never input). */
export function inList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
