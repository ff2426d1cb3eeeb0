import { Injectable } from '@nestjs/common';
import { contains, tariffDecimal, todayInAmsterdam } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractLoader } from './contract-loader';
import { ContractRepository } from './contract.repository';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { toContractDto } from './contracts.mapper';
import { municipalityVisibility } from './contracts.rules';
import { MunicipalityContractDto } from './dto/contracts.dto';
import { ParticipationRepository } from './participation.repository';

/** The contracts covering one municipality, for whoever may look at that municipality's contracts. */
@Injectable()
export class MunicipalityContractsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractRepository,
    private readonly participations: ParticipationRepository,
    private readonly loader: ContractLoader,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  /** The contracts covering a municipality on a date, with the tariff in force then. */
  forMunicipality(code: string, date = todayInAmsterdam()): Promise<MunicipalityContractDto[]> {
    return this.db.transaction(async (tx) => {
      await this.assertVisible(tx, code);
      const rows = await this.participations.coveringOn(tx, code, date);
      const contracts = await this.contracts.findByIds(tx, [...new Set(rows.map((p) => p.contractId))]);
      const loaded = await this.loader.loadMany(tx, contracts);
      return loaded.map((l) => {
        const participation = rows.find((p) => p.contractId === l.contract.id)!;
        const tariff = l.tariffs.find((t) => contains({ from: t.validFrom, to: t.validTo }, date));
        return {
          ...toContractDto(l),
          tariffPerInhabitant: tariff ? tariffDecimal(tariff.perInhabitant) : null,
          participationFrom: participation.fromDate,
          participationTo: participation.toDate,
        };
      });
    });
  }

  /**
   * The municipalities whose contracts a caller may look at: its own; for the VNG or a provider,
   * those taking part in a contract it can see; all for an operator. Any other is a 404.
   */
  private async assertVisible(tx: TenantTransaction, code: string): Promise<void> {
    const notFound = () =>
      new ContractsError(
        ContractsErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} whose contracts you can see.`,
      );
    if (!(await this.referenceData.municipality(tx, code))) throw notFound();
    const visibility = municipalityVisibility(tx.principal, code);
    if (visibility === 'HIDDEN') throw notFound();
    if (visibility === 'PARTICIPATION' && !(await this.participations.anyForMunicipality(tx, code))) throw notFound();
  }
}
