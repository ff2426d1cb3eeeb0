import type { Transaction } from '@wmo/tenancy';
import { OrganisationDirectory } from './organisation-directory';
import type { OrganisationEntity } from './identity.entities';
import type { OrganisationRepository } from './organisation.repository';

const tx = {} as Transaction;
const ASSEN: OrganisationEntity = {
  id: 'o-1',
  kind: 'MUNICIPALITY',
  name: 'Gemeente Assen',
  municipalityCode: 'GM0106',
  createdAt: new Date('2025-01-01T00:00:00Z'),
};

describe('OrganisationDirectory', () => {
  const repository = {
    findByIds: jest.fn().mockResolvedValue([ASSEN]),
    findByMunicipalityCodes: jest.fn().mockResolvedValue([]),
  };
  const directory = new OrganisationDirectory(repository as unknown as OrganisationRepository);

  it('gives other libraries the id, kind, name and municipality, nothing more', async () => {
    expect(await directory.organisations(tx, ['o-1'])).toEqual([
      { id: 'o-1', kind: 'MUNICIPALITY', name: 'Gemeente Assen', municipalityCode: 'GM0106' },
    ]);
  });

  it('answers an empty list of ids or codes without a query', async () => {
    repository.findByIds.mockClear();
    expect(await directory.organisations(tx, [])).toEqual([]);
    expect(await directory.municipalityOrganisations(tx, [])).toEqual([]);
    expect(repository.findByIds).not.toHaveBeenCalled();
    expect(repository.findByMunicipalityCodes).not.toHaveBeenCalled();
  });

  it('answers null for a municipality without an organisation', async () => {
    expect(await directory.municipalityOrganisation(tx, 'GM9999')).toBeNull();
  });
});
