/**
 * The error a piece of work throws, for a spec to assert its code, text and extensions one by one;
 * fails the spec when nothing is thrown. Shared by the unit specs of every library.
 */
export function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}
