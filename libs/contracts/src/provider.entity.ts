import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** The legal and billing details of a PROVIDER organisation (one row per provider, keyed by its organisation). */
@Entity({ name: 'provider' })
@Unique('provider_invoice_prefix_key', ['invoicePrefix'])
@Check('provider_kvk_format', `kvk_number ~ '^[0-9]{8}$'`)
@Check('provider_invoice_prefix_format', `invoice_prefix ~ '^[A-Z]{2,10}$'`)
export class ProviderEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @OneToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'provider_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @Column({ name: 'legal_name', type: 'varchar', length: 200 })
  legalName: string;

  @Column({ name: 'kvk_number', type: 'varchar', length: 8 })
  kvkNumber: string;

  @Column({ name: 'vat_id', type: 'varchar', length: 20, nullable: true })
  vatId: string | null;

  @Column({ name: 'iban', type: 'varchar', length: 34 })
  iban: string;

  @Column({ name: 'street', type: 'varchar', length: 200 })
  street: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode: string;

  @Column({ name: 'city', type: 'varchar', length: 100 })
  city: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2, default: 'NL' })
  countryCode: string;

  @Column({ name: 'email', type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Invoice numbers are `<prefix>-<year>-<sequence>`, e.g. SEN-2025-000001. */
  @Column({ name: 'invoice_prefix', type: 'varchar', length: 10 })
  invoicePrefix: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
