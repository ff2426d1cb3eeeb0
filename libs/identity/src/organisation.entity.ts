import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { ORGANISATION_KINDS, OrganisationKind } from '@wmo/tenancy';

/** The tenant. A municipality's organisation is created for every municipality in the reference data. */
@Entity({ name: 'organisation' })
@Check('organisation_kind', `kind IN (${ORGANISATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('organisation_municipality_link', `(kind = 'MUNICIPALITY') = (municipality_code IS NOT NULL)`)
@Unique('organisation_municipality_code_key', ['municipalityCode'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind: OrganisationKind;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @ManyToOne('MunicipalityEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'organisation_municipality_fk' })
  /** A foreign key only: read it through @wmo/reference-data. */
  readonly municipality?: never;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
