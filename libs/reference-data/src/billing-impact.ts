import { ApiProperty } from '@nestjs/swagger';
import type { TenantTransaction } from '@wmo/tenancy';

/**
 * What a change to the facts billing rests on (a participation, an exception, a tariff, the
 * contract's end, a CBS figure) does to documents already issued. The facts live here and in
 * @wmo/contracts; what was billed lives in @wmo/invoicing, which provides the assessor. A change
 * asks it in its own transaction, after its write, so that the answer and the notifications see
 * the new facts and roll back with them.
 */

export class BillingImpactDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'SEN-2026-000001' */
  number: string;

  /** @example 'INVOICE' */
  type: string;
}

export class BillingImpactItemDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 'VNG-SENSOOR-2025' */
  contractReference: string;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  /** @example 'GM1680' */
  municipalityCode: string;

  /** @example 'Aa en Hunze' */
  name: string;

  /** Billed net, excluding VAT. @example 646125 */
  billedCents: number;

  /** Due under the facts as they are now, excluding VAT. @example 430160 */
  dueCents: number;

  /** Due less billed: negative when billed too much. @example -215965 */
  differenceCents: number;

  documents: BillingImpactDocumentDto[];

  /** Why, in Dutch, with the rule of DOMAIN.md. */
  @ApiProperty({ example: ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'] })
  reasons: string[];
}

/**
 * The issued periods a change reaches into, and what now differs there for the municipalities it
 * concerns. Null in an answer when the change reaches no issued document.
 */
export class BillingImpactDto {
  /** The sum of the items' differences, excluding VAT. @example -215965 */
  differenceCents: number;

  /** The documents concerned: those of the items. */
  documents: BillingImpactDocumentDto[];

  /** Per contract, period and municipality whose due now differs from what was billed. */
  items: BillingImpactItemDto[];

  /** Whether the supplier's FINANCE and the contracting party's managers were told (and `billing.difference` sent). */
  notified: boolean;
}

/** A change to a contract's facts from `from` on, for these municipalities (null: all of them). */
export interface ContractFactChange {
  contractId: string;
  from: string;
  codes: readonly string[] | null;
  /** In Dutch, for the notification: "deelname van Aa en Hunze beëindigd per 31-08-2025". */
  cause: string;
}

/** CBS figures that changed (the municipality and the year of the 1 January they count on). */
export interface PopulationFactChange {
  figures: ReadonlyArray<{ code: string; year: number }>;
  cause: string;
}

export abstract class BillingImpactAssessor {
  abstract ofContractChange(tx: TenantTransaction, change: ContractFactChange): Promise<BillingImpactDto | null>;

  /** `notify: false` for a dry run: what the change would do, told to nobody. */
  abstract ofPopulationChange(
    tx: TenantTransaction,
    change: PopulationFactChange,
    options?: { notify: boolean },
  ): Promise<BillingImpactDto | null>;
}
