import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** What a municipality wants on its invoices. */
@Entity({ name: 'billing_details' })
@Check('billing_details_oin', `oin IS NULL OR oin ~ '^[0-9]{20}$'`)
@Check('billing_details_kvk', `kvk_number IS NULL OR kvk_number ~ '^[0-9]{8}$'`)
export class BillingDetailsEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'billing_details_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  /** Organisatie-identificatienummer (20 digits), the e-invoice address (scheme 0190). */
  @Column({ name: 'oin', type: 'varchar', length: 20, nullable: true })
  oin: string | null;

  @Column({ name: 'kvk_number', type: 'varchar', length: 8, nullable: true })
  kvkNumber: string | null;

  @Column({ name: 'street', type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 10, nullable: true })
  postalCode: string | null;

  @Column({ name: 'city', type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ name: 'invoice_email', type: 'varchar', length: 254, nullable: true })
  invoiceEmail: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** The purchase-order number a municipality wants quoted on the invoices of one contract and year. */
@Entity({ name: 'purchase_order' })
export class PurchaseOrderEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid', primaryKeyConstraintName: 'purchase_order_pk' })
  organisationId: string;

  @PrimaryColumn({ name: 'contract_id', type: 'uuid', primaryKeyConstraintName: 'purchase_order_pk' })
  contractId: string;

  @PrimaryColumn({ name: 'year', type: 'smallint', primaryKeyConstraintName: 'purchase_order_pk' })
  year: number;

  @Column({ name: 'number', type: 'varchar', length: 50 })
  number: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'purchase_order_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @ManyToOne('ContractEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'purchase_order_contract_fk' })
  /** A foreign key only: read it through @wmo/contracts. */
  readonly contract?: never;
}
