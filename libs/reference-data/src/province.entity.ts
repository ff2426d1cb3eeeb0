import { Column, Entity, PrimaryColumn } from 'typeorm';

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
