import type { IsoDate } from '@wmo/domain';
import type {
  BillingFrequency,
  ContractKind,
  ContractStatus,
  FundingModel,
  ReferenceDateRule,
  VatCategory,
} from './contracts.constants';

/** What every reader of a contract sees of it: who contracts whom, for which duty, when, and how it is funded. */
export interface ContractTerms {
  id: string;
  reference: string;
  title: string;
  kind: ContractKind;
  /** As stored: DRAFT, ACTIVE or TERMINATED (ENDED is only ever displayed). */
  status: ContractStatus;
  dutyCode: string;
  fundingModel: FundingModel;
  contractingOrganisationId: string;
  supplierId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  referenceDateRule: ReferenceDateRule;
  /** Percentage as numeric text, e.g. "21.00" or "0.00". */
  vatRate: string;
}

/** The terms an invoice needs beyond those. */
export interface InvoicingTerms {
  billingFrequency: BillingFrequency;
  paymentTermDays: number;
  vatCategory: VatCategory;
  vatExemptionReason: string | null;
}

/** The supplier's details an invoice header carries (copied into the document when it is issued). */
export interface SupplierBillingDetails {
  /** The provider's organisation id (= the contract's supplierId). */
  organisationId: string;
  legalName: string;
  kvkNumber: string;
  vatId: string | null;
  iban: string;
  street: string;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string | null;
  /** Invoice numbers are `<prefix>-<year>-<sequence>`. */
  invoicePrefix: string;
}
