import { inList } from '@wmo/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  BILLING_FREQUENCIES,
  BillingFrequency,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  FUNDING_MODELS,
  FundingModel,
  REFERENCE_DATE_RULES,
  ReferenceDateRule,
  VAT_CATEGORIES,
  VatCategory,
} from './contracts.constants';
import { DutyEntity } from './duty.entity';
import { ProviderEntity } from './provider.entity';

/**
 * Who delivers which services toward a duty, to whom, on what terms, funded how. The contracting
 * party is the VNG (collective) or one municipality (individual); the supplier a provider.
 */
@Entity({ name: 'contract' })
@Unique('contract_reference_key', ['reference'])
// Child rows carry the parties, and refer to the contract by id and parties together.
@Unique('contract_parties_key', ['id', 'contractingOrganisationId', 'supplierId'])
@Check('contract_kind', `kind IN (${inList(CONTRACT_KINDS)})`)
@Check('contract_status', `status IN (${inList(CONTRACT_STATUSES)})`)
@Check('contract_funding_model', `funding_model IN (${inList(FUNDING_MODELS)})`)
@Check('contract_billing_frequency', `billing_frequency IN (${inList(BILLING_FREQUENCIES)})`)
@Check('contract_reference_date_rule', `reference_date_rule IN (${inList(REFERENCE_DATE_RULES)})`)
@Check('contract_vat_category', `vat_category IN (${inList(VAT_CATEGORIES)})`)
@Check('contract_term', `end_date IS NULL OR end_date >= start_date`)
@Check('contract_payment_term', `payment_term_days BETWEEN 0 AND 365`)
@Check('contract_vat_rate', `vat_rate >= 0 AND vat_rate <= 100`)
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  /** Human reference, e.g. VNG-SENSOOR-2018. */
  @Column({ name: 'reference', type: 'varchar', length: 50 })
  reference: string;

  @Column({ name: 'title', type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind: ContractKind;

  @Index('contract_status_idx')
  @Column({ name: 'status', type: 'varchar', length: 20 })
  status: ContractStatus;

  @Column({ name: 'duty_code', type: 'varchar', length: 50 })
  dutyCode: string;

  @ManyToOne(() => DutyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'duty_code', foreignKeyConstraintName: 'contract_duty_fk' })
  duty?: DutyEntity;

  @Index('contract_contracting_organisation_idx')
  @Column({ name: 'contracting_organisation_id', type: 'uuid' })
  contractingOrganisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contracting_organisation_id', foreignKeyConstraintName: 'contract_contracting_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly contractingOrganisation?: never;

  @Index('contract_supplier_idx')
  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'contract_supplier_fk' })
  supplier?: ProviderEntity;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'funding_model', type: 'varchar', length: 20 })
  fundingModel: FundingModel;

  @Column({ name: 'billing_frequency', type: 'varchar', length: 30, default: 'ANNUAL_IN_ADVANCE' })
  billingFrequency: BillingFrequency;

  @Column({ name: 'payment_term_days', type: 'smallint', default: 30 })
  paymentTermDays: number;

  @Column({ name: 'reference_date_rule', type: 'varchar', length: 40, default: 'JANUARY_FIRST_PREVIOUS_YEAR' })
  referenceDateRule: ReferenceDateRule;

  @Column({ name: 'vat_category', type: 'varchar', length: 1 })
  vatCategory: VatCategory;

  /** Percentage, e.g. 21.00; 0 for E, O and Z. */
  @Column({ name: 'vat_rate', type: 'numeric', precision: 5, scale: 2 })
  vatRate: string;

  @Column({ name: 'vat_exemption_reason', type: 'varchar', length: 300, nullable: true })
  vatExemptionReason: string | null;

  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true })
  terminatedAt: Date | null;

  @Column({ name: 'termination_reason', type: 'varchar', length: 500, nullable: true })
  terminationReason: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @VersionColumn({ name: 'version' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Columns every child row of a contract carries: the contract and its parties (for RLS and the composite key). */
export abstract class ContractChild {
  @Index()
  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'contracting_organisation_id', type: 'uuid' })
  contractingOrganisationId: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;
}
