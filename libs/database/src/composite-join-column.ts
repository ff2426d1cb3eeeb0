import { JoinColumn } from 'typeorm';

/**
 * The join columns of a foreign key over several columns, under one constraint name:
 * `{ <column>: '<referenced property>' }`, in the key's column order. Such keys refer to a row
 * together with its tenant columns (organisation, provider, contract parties), so that a
 * reference across tenants cannot exist.
 */
export function CompositeJoinColumn(
  foreignKeyConstraintName: string,
  columns: Record<string, string>,
): PropertyDecorator {
  return JoinColumn(
    Object.entries(columns).map(([name, referencedColumnName]) => ({
      name,
      referencedColumnName,
      foreignKeyConstraintName,
    })),
  );
}
