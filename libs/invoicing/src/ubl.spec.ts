import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cents, lineAmountCents, vatAmountCents } from '@wmo/domain';
import { FIXED_PDF } from './__fixtures__/stored-lines';
import { buildUbl, UblInput } from './ubl';

/**
 * The lines of an e-invoice as a finance system reads them. The documents are the golden
 * printables (see __fixtures__) with lines whose amounts are what their figures give; that the
 * XML passes the UBL 2.1 schemas, EN 16931 and SI-UBL 2.0 is proven on issued documents in
 * test/einvoice.e2e-spec.ts and test/invoicing/corrections.e2e-spec.ts.
 */
const [invoice, creditNote] = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'printables.golden.json'), 'utf8'),
) as UblInput[];

const charged = (inhabitants: number, perInhabitant: string, days: number, calculation: string) => ({
  description: 'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 2025: Aa en Hunze (GM1680)',
  calculation,
  inhabitants,
  perInhabitant,
  days,
  daysInYear: 365,
  amountCents: lineAmountCents(inhabitants, perInhabitant, days, 365),
});
const ASSEN = charged(69_701, '0.2500', 365, '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500');
const AA_EN_HUNZE = charged(
  25_845,
  '0.2500',
  243,
  '25.845 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 243/365 dagen',
);
const CORRECTION = {
  description: 'Eenmalige correctie inwonertal Assen 2024',
  calculation: '',
  inhabitants: 0,
  perInhabitant: '0.0000',
  days: 365,
  daysInYear: 365,
  amountCents: cents(1_000),
};

function document(base: UblInput, lines: UblInput['lines']): UblInput {
  const subtotalCents = cents(lines.reduce((sum, l) => sum + l.amountCents, 0));
  const vatCents = vatAmountCents(subtotalCents, base.vatRate);
  return { ...base, lines, subtotalCents, vatCents, totalCents: cents(subtotalCents + vatCents), pdf: FIXED_PDF };
}
const linesOf = (xml: string, tag: 'InvoiceLine' | 'CreditNoteLine') =>
  [...xml.matchAll(new RegExp(`<cac:${tag}>[\\s\\S]*?</cac:${tag}>`, 'g'))].map((m) => m[0]);
/** The elements of a line, in order, without their text (the XSD order). */
const outline = (line: string) =>
  [...line.matchAll(/<(c[ab]c:\w+)/g)].map((m) => m[1]).filter((name, i, all) => all.indexOf(name) === i);

describe('buildUbl: each line states what was billed', () => {
  const xml = buildUbl(document(invoice, [ASSEN, AA_EN_HUNZE, CORRECTION]), 'nlcius');
  const [assen, aaEnHunze, correction] = linesOf(xml, 'InvoiceLine');

  it('a full year: the inhabitants as the quantity and the tariff per inhabitant per year as the price, no allowance', () => {
    expect(assen).toContain('<cbc:InvoicedQuantity unitCode="C62">69701</cbc:InvoicedQuantity>');
    expect(assen).toContain('<cbc:LineExtensionAmount currencyID="EUR">17425.25</cbc:LineExtensionAmount>');
    expect(assen).toMatch(/<cac:Price>\s*<cbc:PriceAmount currencyID="EUR">0.2500<\/cbc:PriceAmount>\s*<\/cac:Price>/);
    expect(assen).not.toContain('AllowanceCharge');
  });

  it('part of the year: the days not billed are a line allowance between the period and the item (UBL 2.1 order)', () => {
    expect(aaEnHunze).toContain('<cbc:InvoicedQuantity unitCode="C62">25845</cbc:InvoicedQuantity>');
    expect(aaEnHunze).toContain('<cbc:LineExtensionAmount currencyID="EUR">4301.60</cbc:LineExtensionAmount>');
    expect(aaEnHunze).toMatch(
      new RegExp(
        [
          '</cac:InvoicePeriod>',
          '<cac:AllowanceCharge>',
          '<cbc:ChargeIndicator>false</cbc:ChargeIndicator>',
          '<cbc:AllowanceChargeReason>Naar rato: 243 van 365 dagen</cbc:AllowanceChargeReason>',
          '<cbc:Amount currencyID="EUR">2159.65</cbc:Amount>',
          '</cac:AllowanceCharge>',
          '<cac:Item>',
        ].join('\\s*'),
      ),
    );
    expect(aaEnHunze).toContain('<cbc:PriceAmount currencyID="EUR">0.2500</cbc:PriceAmount>');
    expect(outline(aaEnHunze)).toEqual([
      'cac:InvoiceLine',
      'cbc:ID',
      'cbc:InvoicedQuantity',
      'cbc:LineExtensionAmount',
      'cac:InvoicePeriod',
      'cbc:StartDate',
      'cbc:EndDate',
      'cac:AllowanceCharge',
      'cbc:ChargeIndicator',
      'cbc:AllowanceChargeReason',
      'cbc:Amount',
      'cac:Item',
      'cbc:Description',
      'cbc:Name',
      'cac:ClassifiedTaxCategory',
      'cbc:Percent',
      'cac:TaxScheme',
      'cac:Price',
      'cbc:PriceAmount',
    ]);
  });

  it('a line without inhabitants stays quantity 1 at its amount', () => {
    expect(correction).toContain('<cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>');
    expect(correction).toContain('<cbc:PriceAmount currencyID="EUR">10.00</cbc:PriceAmount>');
    expect(correction).not.toContain('AllowanceCharge');
  });

  it('the totals stay the sums of the stored amounts (17,425.25 + 4,301.60 + 10.00)', () => {
    expect(xml).toMatch(
      /<cac:LegalMonetaryTotal>\s*<cbc:LineExtensionAmount currencyID="EUR">21736.85<\/cbc:LineExtensionAmount>/,
    );
  });

  it('a credit note crediting a part-year line in full says the same as the line; crediting part of it, quantity 1', () => {
    const partly = { ...AA_EN_HUNZE, amountCents: cents(10_000) };
    const [full, part] = linesOf(buildUbl(document(creditNote, [AA_EN_HUNZE, partly]), 'peppol'), 'CreditNoteLine');
    expect(full).toContain('<cbc:CreditedQuantity unitCode="C62">25845</cbc:CreditedQuantity>');
    expect(full).toMatch(
      /<\/cac:InvoicePeriod>\s*<cac:AllowanceCharge>[\s\S]*2159.65[\s\S]*<\/cac:AllowanceCharge>\s*<cac:Item>/,
    );
    expect(part).toContain('<cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>');
    expect(part).toContain('<cbc:PriceAmount currencyID="EUR">100.00</cbc:PriceAmount>');
    expect(part).not.toContain('AllowanceCharge');
  });
});
