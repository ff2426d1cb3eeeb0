export const CHANNEL_KINDS = ['PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CONTRACT_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const CONTRACT_STATUSES = ['DRAFT', 'ACTIVE', 'ENDED', 'TERMINATED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const FUNDING_MODELS = ['FUND_WITHHOLDING', 'DIRECT_INVOICE', 'CENTRAL_INVOICE'] as const;
export type FundingModel = (typeof FUNDING_MODELS)[number];

/** In the words of the portal (and of the exports made for Dutch readers). */
export const FUNDING_MODEL_LABELS: Record<FundingModel, string> = {
  FUND_WITHHOLDING: 'Uitname uit het gemeentefonds',
  DIRECT_INVOICE: 'Factuur aan elke gemeente',
  CENTRAL_INVOICE: 'Centrale factuur via de VNG',
};

export const BILLING_FREQUENCIES = ['ANNUAL_IN_ADVANCE', 'QUARTERLY_IN_ADVANCE'] as const;
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number];

/** Which CBS figure a billing year uses: 1 January of the year before (default) or of the year itself. */
export const REFERENCE_DATE_RULES = ['JANUARY_FIRST_PREVIOUS_YEAR', 'JANUARY_FIRST_SAME_YEAR'] as const;
export type ReferenceDateRule = (typeof REFERENCE_DATE_RULES)[number];

/** UNCL5305 VAT categories used here: standard, exempt, outside scope, zero rated. */
export const VAT_CATEGORIES = ['S', 'E', 'O', 'Z'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export const EXCEPTION_KINDS = ['EXCLUDED', 'OPT_OUT'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
