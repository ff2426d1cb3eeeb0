import { Injectable } from '@nestjs/common';
import type { OrganisationKind, Transaction } from '@wmo/tenancy';
import { OrganisationEntity } from './identity.entities';
import { OrganisationRepository } from './organisation.repository';
import { municipalityOrganisationName } from './identity.rules';

/** An organisation (the tenant) as other libraries see it. */
export interface OrganisationInfo {
  id: string;
  kind: OrganisationKind;
  name: string;
  /** The municipality's CBS code for an organisation of kind MUNICIPALITY; null for any other. */
  municipalityCode: string | null;
}

const info = ({ id, kind, name, municipalityCode }: OrganisationEntity): OrganisationInfo => ({
  id,
  kind,
  name,
  municipalityCode,
});

/**
 * How other libraries read and create organisations, inside their own transaction. Row-level
 * security applies as usual: in a tenant transaction the caller sees only the organisations it
 * may (its own, the parties of its contracts, providers); use `tx.unscopedWithin` for more.
 */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly repository: OrganisationRepository = new OrganisationRepository()) {}

  async organisations(tx: Transaction, ids: readonly string[]): Promise<OrganisationInfo[]> {
    if (ids.length === 0) return [];
    return (await this.repository.findByIds(tx, ids)).map(info);
  }

  async organisation(tx: Transaction, id: string): Promise<OrganisationInfo | null> {
    const organisation = await this.repository.findById(tx, id);
    return organisation && info(organisation);
  }

  /** The organisations of these municipalities, by municipality code. */
  async municipalityOrganisations(tx: Transaction, codes: readonly string[]): Promise<OrganisationInfo[]> {
    if (codes.length === 0) return [];
    return (await this.repository.findByMunicipalityCodes(tx, codes)).map(info);
  }

  async municipalityOrganisation(tx: Transaction, code: string): Promise<OrganisationInfo | null> {
    const [organisation] = await this.repository.findByMunicipalityCodes(tx, [code]);
    return organisation ? info(organisation) : null;
  }

  /** An organisation for each of these municipalities (new ones after a reorganisation), named after it; the platform's to do. */
  async ensureMunicipalities(
    tx: Transaction,
    municipalities: ReadonlyArray<{ code: string; name: string }>,
  ): Promise<void> {
    if (municipalities.length === 0) return;
    await this.repository.upsertMunicipalities(
      tx,
      municipalities.map(({ code, name }) => ({ code, name: municipalityOrganisationName(name) })),
    );
  }

  /** The associations, oldest first: the first is the VNG, which contracts collectively. */
  async associations(tx: Transaction): Promise<OrganisationInfo[]> {
    return (await this.repository.ofKind(tx, 'ASSOCIATION')).map(info);
  }

  /**
   * A new association or provider. Row-level security lets only the platform create one (an
   * operator's transaction, or `unscopedWithin`); the caller audits it as part of its own change.
   */
  async createOrganisation(
    tx: Transaction,
    input: { kind: 'ASSOCIATION' | 'PROVIDER'; name: string },
  ): Promise<OrganisationInfo> {
    return info(await this.repository.insert(tx, input));
  }
}
