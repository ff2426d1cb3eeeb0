import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProvinceEntity } from './province.entity';

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
