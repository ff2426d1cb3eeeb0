declare const centsBrand: unique symbol;

/**
 * An amount of money in euro cents: a whole number within JavaScript's safe-integer range
 * (STYLE.md: money as integer minor units, never a float). Branded, so that a count of days or
 * inhabitants cannot be passed where money is meant; made only by `cents()`, which refuses
 * anything else.
 */
export type Cents = number & { readonly [centsBrand]: true };

/** The amount as `Cents`, from a number or the text PostgreSQL sends for a `bigint`; throws for anything not a safe integer. */
export function cents(value: number | string | bigint): Cents {
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(amount) || (typeof value === 'string' && !/^-?\d+$/.test(value.trim()))) {
    throw new RangeError(`Not an amount in cents (a safe integer): ${String(value)}`);
  }
  return amount as Cents;
}

export const ZERO_CENTS = cents(0);

/** The sum of amounts (each already rounded: DOMAIN.md rule 4, totals are sums of rounded lines). */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

/** a - b, and a + b: the results are checked like any other amount. */
export const minusCents = (a: Cents, b: Cents): Cents => cents(a - b);
export const plusCents = (a: Cents, b: Cents): Cents => cents(a + b);
