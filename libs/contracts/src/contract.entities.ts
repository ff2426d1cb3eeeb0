// The contract tables: a contract, the columns its child rows share (ContractChild), and those
// children: tariffs, participations, exceptions, covered services and amendments.
import { inList } from '@wmo/common';
import { CompositeJoinColumn } from '@wmo/database';
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
import { DutyEntity, ProviderEntity, ServiceEntity } from './catalogue.entities';
import {
  BILLING_FREQUENCIES,
  BillingFrequency,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  ContractKind,
  ContractStatus,
  EXCEPTION_KINDS,
  ExceptionKind,
  FUNDING_MODELS,
  FundingModel,
  REFERENCE_DATE_RULES,
  ReferenceDateRule,
  VAT_CATEGORIES,
  VatCategory,
} from './contracts.constants';

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

/** Refers to the parent contract by id and parties together (see ContractChild). */
const parentContract = (name: string) =>
  CompositeJoinColumn(name, {
    contract_id: 'id',
    contracting_organisation_id: 'contractingOrganisationId',
    supplier_id: 'supplierId',
  });

/** A price per inhabitant per year; the tariffs of one contract never overlap. */
@Entity({ name: 'tariff' })
@Check('tariff_positive', `per_inhabitant > 0`)
@Check('tariff_validity', `valid_to IS NULL OR valid_to >= valid_from`)
export class TariffEntity extends ContractChild {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @parentContract('tariff_contract_fk')
  contract?: ContractEntity;

  /** EUR per inhabitant per year, up to four decimals. */
  @Column({ name: 'per_inhabitant', type: 'numeric', precision: 10, scale: 4 })
  perInhabitant: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;
}

/** A municipality taking part in a contract, for a period (both ends inclusive). */
@Entity({ name: 'participation' })
@Index('participation_municipality_idx', ['municipalityCode', 'fromDate'])
@Check('participation_period', `to_date IS NULL OR to_date >= from_date`)
export class ParticipationEntity extends ContractChild {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @parentContract('participation_contract_fk')
  contract?: ContractEntity;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode: string;

  @ManyToOne('MunicipalityEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'participation_municipality_fk' })
  /** A foreign key only: read it through @wmo/reference-data. */
  readonly municipality?: never;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  /** How it came about: enrolment, roll-over after a merger, the contract itself (individual). */
  @Column({ name: 'origin', type: 'varchar', length: 20, default: 'ENROLMENT' })
  origin: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A municipality excluded from a collective contract (e.g. a G4 city with its own contract) or that opted out. */
@Entity({ name: 'contract_exception' })
@Check('contract_exception_kind', `kind IN (${inList(EXCEPTION_KINDS)})`)
@Check('contract_exception_period', `to_date IS NULL OR to_date >= from_date`)
export class ContractExceptionEntity extends ContractChild {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @parentContract('contract_exception_contract_fk')
  contract?: ContractEntity;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode: string;

  @ManyToOne('MunicipalityEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'contract_exception_municipality_fk' })
  /** A foreign key only: read it through @wmo/reference-data. */
  readonly municipality?: never;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind: ExceptionKind;

  @Column({ name: 'reason', type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The services a contract covers. */
@Entity({ name: 'contract_service' })
@Unique('contract_service_key', ['contractId', 'serviceId'])
export class ContractServiceEntity extends ContractChild {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @parentContract('contract_service_contract_fk')
  contract?: ContractEntity;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  // The service must be the supplier's own.
  @ManyToOne(() => ServiceEntity, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @CompositeJoinColumn('contract_service_service_fk', { service_id: 'id', supplier_id: 'providerId' })
  service?: ServiceEntity;
}

/** A dated change of an active contract; the only way an active contract changes. */
@Entity({ name: 'contract_amendment' })
@Unique('contract_amendment_number_key', ['contractId', 'number'])
export class ContractAmendmentEntity extends ContractChild {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @parentContract('contract_amendment_contract_fk')
  contract?: ContractEntity;

  /** 1, 2, ... per contract. */
  @Column({ name: 'number', type: 'integer' })
  number: number;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ name: 'reason', type: 'varchar', length: 500 })
  reason: string;

  /** What changed: `{ field: { before, after } }`. */
  @Column({ name: 'changes', type: 'jsonb' })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
