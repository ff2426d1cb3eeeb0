import { Transform } from 'class-transformer';

/**
 * Query parameters arrive as strings. Only a string of digits becomes a number; anything else
 * (`abc`, `12.5`, `1e3`, an array from a repeated parameter) is left as it is and fails `@IsInt`
 * with a clear message instead of silently turning into NaN or a rounded value.
 */
export const ToInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
