export class BillingDetailsChangeDto {
  /** @example 'GM0106' */
  code: string;

  /** oin, kvkNumber, street, postalCode, city, invoiceEmail or purchaseOrderNumber. @example 'postalCode' */
  field: string;

  /** For a purchase-order number: the contract it is for. @example 'VNG-SEN-2018' */
  contractReference?: string;

  /** For a purchase-order number: the year it is for. @example 2026 */
  year?: number;

  previous: string | null;

  /** @example '9401 JW' */
  value: string | null;
}

export class BillingDetailsImportReportDto {
  /** Whether the details were written (false for a dry run). */
  applied: boolean;

  /** Rows read. */
  rows: number;

  /** Every value the file sets differently from what was kept; an empty cell changes nothing. */
  changes: BillingDetailsChangeDto[];
}
