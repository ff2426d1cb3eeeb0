import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TERRITORIAL_CHANGE_RELATIONS, TerritorialChangeRelation } from '@wmo/domain';
import { MunicipalityEntity } from './municipality.entity';

/** One step of a municipal reorganisation (herindeling): (part of) `oldCode` went to `newCode`. */
@Entity({ name: 'municipal_change' })
@Check('municipal_change_relation', `relation IN (${TERRITORIAL_CHANGE_RELATIONS.map((r) => `'${r}'`).join(', ')})`)
@Check('municipal_change_share_range', `share IS NULL OR (share >= 0 AND share <= 1)`)
export class MunicipalChangeEntity {
  @PrimaryColumn({ name: 'effective_date', type: 'date', primaryKeyConstraintName: 'municipal_change_pk' })
  effectiveDate: string;

  @Index('municipal_change_old_code_idx')
  @PrimaryColumn({ name: 'old_code', type: 'varchar', length: 6, primaryKeyConstraintName: 'municipal_change_pk' })
  oldCode: string;

  @Index('municipal_change_new_code_idx')
  @PrimaryColumn({ name: 'new_code', type: 'varchar', length: 6, primaryKeyConstraintName: 'municipal_change_pk' })
  newCode: string;

  @Column({ name: 'relation', type: 'varchar', length: 32 })
  relation: TerritorialChangeRelation;

  /** Share of the old municipality's addresses that moved (CBS/VNG address matrix); null when unknown. */
  @Column({ name: 'share', type: 'numeric', precision: 5, scale: 4, nullable: true })
  share: string | null;

  @Column({ name: 'addresses_moved', type: 'integer', nullable: true })
  addressesMoved: number | null;

  @Column({ name: 'evidence', type: 'text' })
  evidence: string;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'old_code', foreignKeyConstraintName: 'municipal_change_old_fk' })
  oldMunicipality?: MunicipalityEntity;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'new_code', foreignKeyConstraintName: 'municipal_change_new_fk' })
  newMunicipality?: MunicipalityEntity;
}
