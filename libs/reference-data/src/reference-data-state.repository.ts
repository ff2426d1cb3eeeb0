import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';

@Injectable()
export class ReferenceDataStateRepository {
  /** The checksum of the loaded version of a bundled data set, locked until the transaction ends; null when never loaded. */
  async lockedChecksum(tx: Transaction, name: string): Promise<string | null> {
    const [state] = await tx.manager.query<Array<{ checksum: string }>>(
      `SELECT checksum FROM reference_data_state WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return state?.checksum ?? null;
  }

  async record(tx: Transaction, name: string, checksum: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO reference_data_state (name, checksum, loaded_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = EXCLUDED.loaded_at`,
      [name, checksum],
    );
  }

  /** Fresh planner statistics for every reference table, so the planner uses the indexes from the first request on. */
  async analyse(tx: Transaction): Promise<void> {
    await tx.manager.query(`ANALYZE province, municipality, population_figure, municipal_change, municipality_detail`);
  }
}
