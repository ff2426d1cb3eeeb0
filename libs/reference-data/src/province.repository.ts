import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import type { ProvinceRecord } from './bundled-reference-data';

export interface ProvinceRow {
  code: string;
  codeNumber: number;
  name: string;
  altName: string | null;
}

@Injectable()
export class ProvinceRepository {
  /** The twelve provinces, by code. */
  all(tx: Transaction): Promise<ProvinceRow[]> {
    return tx.manager.query<ProvinceRow[]>(
      `SELECT code, code_number AS "codeNumber", name, alt_name AS "altName" FROM province ORDER BY code`,
    );
  }

  async exists(tx: Transaction, code: string): Promise<boolean> {
    const rows = await tx.manager.query<unknown[]>(`SELECT 1 FROM province WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async upsert(tx: Transaction, provinces: readonly ProvinceRecord[]): Promise<void> {
    await tx.manager.query(
      `INSERT INTO province (code, code_number, name, alt_name)
     SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::varchar[], $4::varchar[])
     ON CONFLICT (code) DO UPDATE SET code_number = EXCLUDED.code_number, name = EXCLUDED.name, alt_name = EXCLUDED.alt_name`,
      [
        provinces.map((p) => p.code),
        provinces.map((p) => p.codeNumber),
        provinces.map((p) => p.name),
        provinces.map((p) => p.altName),
      ],
    );
  }
}
