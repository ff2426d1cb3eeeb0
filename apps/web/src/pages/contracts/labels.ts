/** The contract and invoicing answers of the API as the portal uses them, and their enumerations in Dutch. */
import type { BadgeLabels } from '../../components/ui';
import { dateLong } from '../../format';

export interface Party {
  id: string;
  name: string;
}

export interface Tariff {
  perInhabitant: string;
  validFrom: string;
  validTo: string | null;
}

export interface Contract {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: string;
  dutyCode: string;
  fundingModel: string;
  contractingOrganisation: Party;
  supplier: Party;
  startDate: string;
  endDate: string | null;
  billingFrequency: string;
  paymentTermDays: number;
  referenceDateRule: string;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason: string | null;
  services: Party[];
  tariffs: Tariff[];
  terminatedAt: string | null;
  terminationReason: string | null;
}

export interface ContractPage {
  items: Contract[];
  total: number;
  page: number;
  limit: number;
}

export interface Participant {
  code: string;
  name: string;
  from: string;
  to: string | null;
  origin: string;
}

export interface ContractException {
  id: string;
  code: string;
  name: string;
  kind: string;
  reason: string;
  from: string;
  to: string | null;
}

export interface Amendment {
  id: string;
  number: number;
  effectiveDate: string;
  reason: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  createdAt: string;
}

export interface InvoiceRun {
  id: string;
  contractId: string;
  kind: 'INVOICE' | 'CORRECTION';
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  period: { start: string; end: string };
  referenceDate: string;
  progress: { done: number; total: number };
  documentCount: number;
  totalCents: number;
  currency: string;
  gaps: Array<{ code: string; missing: string[] }>;
  gapCount: number;
  held: Array<{ municipalityCode: string | null; missing: string[] }>;
  heldCount: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const CONTRACT_STATUS: BadgeLabels = {
  DRAFT: { label: 'Concept', tone: 'neutral' },
  ACTIVE: { label: 'Actief', tone: 'valid' },
  ENDED: { label: 'Afgelopen', tone: 'neutral' },
  TERMINATED: { label: 'Beëindigd', tone: 'warning' },
};

export const RUN_STATUS: BadgeLabels = {
  QUEUED: { label: 'In de wachtrij', tone: 'neutral' },
  RUNNING: { label: 'Bezig', tone: 'warning' },
  COMPLETED: { label: 'Voltooid', tone: 'valid' },
  FAILED: { label: 'Mislukt', tone: 'invalid' },
};

export const CONTRACT_KIND: Record<string, string> = {
  COLLECTIVE: 'Collectief contract (via de VNG)',
  INDIVIDUAL: 'Eigen contract van de gemeente',
};

export const FUNDING_MODEL: Record<string, string> = {
  FUND_WITHHOLDING: 'Uitname uit het gemeentefonds',
  DIRECT_INVOICE: 'Factuur aan elke gemeente',
  CENTRAL_INVOICE: 'Centrale factuur via de VNG',
};

export const BILLING_FREQUENCY: Record<string, string> = {
  ANNUAL_IN_ADVANCE: 'Jaarlijks vooraf',
  QUARTERLY_IN_ADVANCE: 'Per kwartaal vooraf',
};

export const REFERENCE_DATE_RULE: Record<string, string> = {
  JANUARY_FIRST_PREVIOUS_YEAR: '1 januari van het jaar ervoor',
  JANUARY_FIRST_SAME_YEAR: '1 januari van hetzelfde jaar',
};

export const VAT_CATEGORY: Record<string, string> = {
  S: 'Btw standaardtarief',
  E: 'Vrijgesteld van btw',
  O: 'Buiten de btw',
  Z: 'Btw-nultarief',
};

export const EXCEPTION_KIND: Record<string, string> = {
  EXCLUDED: 'Uitgezonderd',
  OPT_OUT: 'Afgemeld (opt-out)',
};

export const PARTICIPATION_ORIGIN: Record<string, string> = {
  ENROLMENT: 'Aanmelding',
  ROLL_OVER: 'Voortgezet na herindeling',
  CONTRACT: 'Eigen contract',
};

export const DUTY: Record<string, string> = {
  WMO2015_2_2_4_1B: 'Luisterend oor (Wmo 2015, art. 2.2.4 lid 1 onder b)',
  JEUGDWET_KINDERTELEFOON: 'De Kindertelefoon (Jeugdwet)',
};

export const DUTY_SHORT: Record<string, string> = {
  WMO2015_2_2_4_1B: 'Luisterend oor (Wmo 2015)',
  JEUGDWET_KINDERTELEFOON: 'Kindertelefoon (Jeugdwet)',
};

/** What a gap in an invoice run's billing details is called. */
export const MISSING_FIELD: Record<string, string> = {
  oin: 'OIN',
  invoiceAddress: 'factuuradres',
  invoiceEmail: 'e-mailadres voor facturen',
  purchaseOrderNumber: 'inkoopordernummer',
  kvkNumber: 'KvK-nummer',
  oinOrKvkNumber: 'OIN of KvK-nummer',
};

export const AMENDMENT_FIELD: Record<string, string> = {
  perInhabitant: 'Tarief per inwoner',
  tariff: 'Tarief per inwoner',
  endDate: 'Einddatum',
  paymentTermDays: 'Betaaltermijn (dagen)',
  serviceIds: 'Diensten',
  services: 'Diensten',
};

export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '–';
  return labels[value] ?? value;
}

const tariffFormat = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** "€ 0,25" from "0.2500"; up to four decimals when the tariff has them. */
export function tariff(perInhabitant: string | null | undefined): string {
  if (!perInhabitant) return '–';
  return tariffFormat.format(Number(perInhabitant));
}

/** "1 januari 2018 t/m 31 december 2025", or "vanaf 1 januari 2018" without an end. */
export function period(from: string, to: string | null | undefined): string {
  return to ? `${dateLong(from)} t/m ${dateLong(to)}` : `vanaf ${dateLong(from)}`;
}

/** The tariff in force on a day, or the last one before it, or the first one. */
export function tariffOn(tariffs: Tariff[], day: string): Tariff | undefined {
  const sorted = [...tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return (
    sorted.find((t) => t.validFrom <= day && (t.validTo === null || t.validTo >= day)) ??
    sorted.filter((t) => t.validFrom <= day).pop() ??
    sorted[0]
  );
}
