import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';

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
