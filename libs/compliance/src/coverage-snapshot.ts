import { Injectable } from '@nestjs/common';
import { CoverageReader } from '@wmo/contracts';
import { TerritorialChange } from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import type { Transaction } from '@wmo/tenancy';
import { Figures, figureDates, figuresByDate } from './cost.rules';
import type { CoverageSnapshot } from './judgement.rules';

/** What the yearly cost needs beyond the coverage: the CBS figures and the reorganisations. */
export interface CostBasis {
  figures: Figures;
  changes: TerritorialChange[];
}

/**
 * Reads what the compliance rules judge, through the contracts' and the reference data's readers,
 * in the transaction given. A municipality's status depends on contracts the caller may not see
 * (the VNG does not see Amsterdam's own contract), so give it a platform transaction: a job's, or
 * `unscopedWithin` after the caller's right to the answer has been checked.
 */
@Injectable()
export class CoverageSnapshots {
  constructor(
    private readonly coverage: CoverageReader,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  /** The coverage of the given municipalities (all when `codes` is null) for every duty, with the municipalities. */
  async load(tx: Transaction, codes: readonly string[] | null): Promise<CoverageSnapshot> {
    const { duties, contracts, coverage } = await this.coverage.coverage(tx, codes);
    const municipalities = await this.referenceData.municipalities(tx, codes);
    return { duties, contracts, coverage, municipalities: new Map(municipalities.map((m) => [m.code, m])) };
  }

  /** The figures on every reference date the snapshot's contracts use for `year`, and the reorganisations. */
  async costBasis(tx: Transaction, snapshot: CoverageSnapshot, year: number): Promise<CostBasis> {
    const dates = figureDates(snapshot.contracts.values(), [year]);
    // Every municipality's figures: a territory may include predecessors that are not in the snapshot.
    const figures = await this.referenceData.populationFigures(tx, dates);
    const changes = await this.referenceData.territorialChanges(tx);
    return { figures: figuresByDate(figures), changes };
  }
}
