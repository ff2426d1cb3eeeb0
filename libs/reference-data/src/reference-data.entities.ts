// The reference-data tables: provinces, municipalities (CBS codes), population figures, municipal
// reorganisations, and which version of each bundled data set is loaded.
import { inList } from '@wmo/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TERRITORIAL_CHANGE_RELATIONS, TerritorialChangeRelation } from '@wmo/domain';

@Entity({ name: 'province' })
export class ProvinceEntity {
  /** CBS code, `PV20`-`PV31`. */
  @PrimaryColumn({ name: 'code', type: 'varchar', length: 4 })
  code: string;

  @Column({ name: 'code_number', type: 'smallint' })
  codeNumber: number;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  /** Another name in common use (`Friesland` for `Fryslân`). */
  @Column({ name: 'alt_name', type: 'varchar', length: 100, nullable: true })
  altName: string | null;
}

/**
 * A municipality (gemeente) as CBS codes it. A code lives from `validFrom` to `validTo`
 * (both inclusive); a reorganisation ends codes and may start new ones.
 */
@Entity({ name: 'municipality' })
@Check('municipality_validity', `valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`)
@Check('municipality_code_format', `code ~ '^GM[0-9]{4}$'`)
export class MunicipalityEntity {
  @PrimaryColumn({ name: 'code', type: 'varchar', length: 6 })
  code: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  @Index('municipality_province_code_idx')
  @Column({ name: 'province_code', type: 'varchar', length: 4 })
  provinceCode: string;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'municipality_province_fk' })
  province?: ProvinceEntity;

  /** First day the code existed; null when it already existed on 2014-01-01, where the data begins. */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  /** Last day the code existed; null while it exists. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;
}

/** The CBS population of a municipality on a reference date (peildatum), always 1 January. */
@Entity({ name: 'population_figure' })
@Check('population_figure_non_negative', `inhabitants >= 0`)
@Check(
  'population_figure_first_of_january',
  `extract(month from reference_date) = 1 AND extract(day from reference_date) = 1`,
)
export class PopulationFigureEntity {
  @PrimaryColumn({
    name: 'municipality_code',
    type: 'varchar',
    length: 6,
    primaryKeyConstraintName: 'population_figure_pk',
  })
  municipalityCode: string;

  @Index('population_figure_reference_date_idx')
  @PrimaryColumn({ name: 'reference_date', type: 'date', primaryKeyConstraintName: 'population_figure_pk' })
  referenceDate: string;

  @Column({ name: 'inhabitants', type: 'integer' })
  inhabitants: number;

  /** Which CBS table the figure comes from (see data/reference/PROVENANCE.md), or the imported file. */
  @Column({ name: 'source', type: 'varchar', length: 300 })
  source: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'population_figure_municipality_fk' })
  municipality?: MunicipalityEntity;
}

/** One step of a municipal reorganisation (herindeling): (part of) `oldCode` went to `newCode`. */
@Entity({ name: 'municipal_change' })
@Check('municipal_change_relation', `relation IN (${inList(TERRITORIAL_CHANGE_RELATIONS)})`)
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

/** Which version of a bundled data set is loaded, so start-up skips an unchanged one. */
@Entity({ name: 'reference_data_state' })
export class ReferenceDataStateEntity {
  @PrimaryColumn({ name: 'name', type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'checksum', type: 'varchar', length: 64 })
  checksum: string;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
