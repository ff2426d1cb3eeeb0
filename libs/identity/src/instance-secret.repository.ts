import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';
import { InstanceSecretEntity } from './identity.entities';

@Injectable()
export class InstanceSecretRepository {
  /** Stores `value` under `name` unless a secret of that name exists; returns the one stored. */
  async getOrCreate(tx: Transaction, name: string, value: string): Promise<string> {
    await tx.manager.query(`INSERT INTO instance_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      value,
    ]);
    const { value: stored } = await tx.manager.findOneByOrFail(InstanceSecretEntity, { name });
    return stored;
  }
}
