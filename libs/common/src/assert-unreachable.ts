/** Compile-time exhaustiveness: a `switch` over a union that forgets a member does not type-check. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
