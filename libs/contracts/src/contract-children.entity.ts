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
} from 'typeorm';
import { EXCEPTION_KINDS, ExceptionKind } from './contracts.constants';
import { ContractChild, ContractEntity } from './contract.entity';
import { ServiceEntity } from './service.entity';

const parentContract = (name: string) =>
  JoinColumn([
    { name: 'contract_id', referencedColumnName: 'id', foreignKeyConstraintName: name },
    {
      name: 'contracting_organisation_id',
      referencedColumnName: 'contractingOrganisationId',
      foreignKeyConstraintName: name,
    },
    { name: 'supplier_id', referencedColumnName: 'supplierId', foreignKeyConstraintName: name },
  ]);

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
  @JoinColumn([
    { name: 'service_id', referencedColumnName: 'id', foreignKeyConstraintName: 'contract_service_service_fk' },
    {
      name: 'supplier_id',
      referencedColumnName: 'providerId',
      foreignKeyConstraintName: 'contract_service_service_fk',
    },
  ])
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
