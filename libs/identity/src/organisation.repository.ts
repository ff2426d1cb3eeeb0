import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import type { OrganisationKind, Transaction } from '@wmo/tenancy';
import { OrganisationEntity } from './identity.entities';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  /** Only this organisation; all that the transaction may see when not given. */
  id?: string;
}

/** Every query here is narrowed further by row-level security: a tenant sees only what it may. */
@Injectable()
export class OrganisationRepository {
  findById(tx: Transaction, id: string): Promise<OrganisationEntity | null> {
    return tx.manager.findOneBy(OrganisationEntity, { id });
  }

  /** The organisation, which must exist (it is the caller's own, or referred to by a row that exists). */
  getById(tx: Transaction, id: string): Promise<OrganisationEntity> {
    return tx.manager.findOneByOrFail(OrganisationEntity, { id });
  }

  exists(tx: Transaction, id: string): Promise<boolean> {
    return tx.manager.existsBy(OrganisationEntity, { id });
  }

  findByIds(tx: Transaction, ids: readonly string[]): Promise<OrganisationEntity[]> {
    return tx.manager.find(OrganisationEntity, { where: { id: In([...ids]) }, order: { id: 'ASC' } });
  }

  /** The organisations of these municipalities, by municipality code. */
  findByMunicipalityCodes(tx: Transaction, codes: readonly string[]): Promise<OrganisationEntity[]> {
    return tx.manager.find(OrganisationEntity, {
      where: { municipalityCode: In([...codes]) },
      order: { municipalityCode: 'ASC' },
    });
  }

  findByKindAndName(tx: Transaction, kind: OrganisationKind, name: string): Promise<OrganisationEntity | null> {
    return tx.manager.findOneBy(OrganisationEntity, { kind, name });
  }

  /** Every organisation of a kind, oldest first. */
  ofKind(tx: Transaction, kind: OrganisationKind): Promise<OrganisationEntity[]> {
    return tx.manager.find(OrganisationEntity, { where: { kind }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A page of organisations, by kind and name, with how many pass the filter. */
  page(
    tx: Transaction,
    filter: OrganisationFilter,
    page: number,
    limit: number,
  ): Promise<[OrganisationEntity[], number]> {
    const where: FindOptionsWhere<OrganisationEntity> = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.id ? { id: filter.id } : {}),
    };
    return tx.manager.findAndCount(OrganisationEntity, {
      where,
      order: { kind: 'ASC', name: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
  }

  /** A new association, provider or operator organisation (a municipality's comes from the reference data). */
  insert(tx: Transaction, organisation: { kind: OrganisationKind; name: string }): Promise<OrganisationEntity> {
    return tx.manager.save(
      OrganisationEntity,
      tx.manager.create(OrganisationEntity, { ...organisation, municipalityCode: null }),
    );
  }

  /**
   * One organisation per municipality, in one statement: new ones are created, renamed ones get
   * the new name, the rest is left alone.
   */
  async upsertMunicipalities(
    tx: Transaction,
    municipalities: ReadonlyArray<{ code: string; name: string }>,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO organisation (kind, name, municipality_code)
       SELECT 'MUNICIPALITY', m.name, m.code FROM unnest($1::varchar[], $2::varchar[]) AS m(code, name)
       ON CONFLICT (municipality_code) DO UPDATE SET name = EXCLUDED.name WHERE organisation.name IS DISTINCT FROM EXCLUDED.name`,
      [municipalities.map((m) => m.code), municipalities.map((m) => m.name)],
    );
  }
}
