import { dutchFileProblem } from '../../apps/web/src/pages/import-problems';

/**
 * Every kind of problem the two file checks report (in English, as the API does), as their own
 * specs pin them (libs/reference-data population-*.rules.spec, libs/invoicing
 * billing-details-file.rules.spec, the import e2e specs): the portal must say each in Dutch.
 */
const MESSAGES = [
  'the file is empty',
  'the first line must be the header "code,year,population"',
  'the file has no rows after the header',
  '"GM01" is not a CBS municipality code (GM and four digits)',
  'unknown municipality code GM9999',
  'year "20x5" is not a year',
  'year 1999 is out of range: figures are for 1 January 2014 to 2026',
  'wrong year: GM0053 (Winsum) did not exist on 1 January 2020',
  'population -1 is negative',
  'population 1.5 is not a whole number',
  'population "veel" is not a number',
  'population 9999999999 is too large',
  'duplicate: GM0106 for 2021 is already on line 11',
  'expected 3 values (code,year,population), found 2',
  'a CBS StatLine export needs a column for the population on 1 January ("BevolkingOp1Januari"); the header has "RegioS"; "Perioden"; "Gemiddeld"',
  'period "2025MM01" is not a year (CBS writes 1 January 2025 as 2025JJ00)',
  'no figure for GM0106 in 2025 (CBS marks a missing figure with ".")',
  'expected at least 3 values separated by ";", found 1',
  'the first line must be the header "code,oin,kvkNumber,street,postalCode,city,invoiceEmail", optionally followed by ",contractReference,year,purchaseOrderNumber"',
  'an OIN is 20 digits',
  'a KvK number is 8 digits',
  'an address needs street, postal code and city together (or none of them)',
  '"x" is not an e-mail address',
  'a purchase order needs contractReference, year and purchaseOrderNumber together',
  'the RSIN in this OIN (001589624) fails the eleven test: a digit is wrong',
  '"94 JW" is not a Dutch postal code such as 9401 JW',
  '"20x5" is not a year from 2015 to 2100',
  'a street is 2 to 200 characters',
  'a city is 2 to 100 characters',
  'a purchase-order number is at most 50 characters',
  'and 12 more problems',
  'VNG-SEN-2018 is not a contract of yours; its contracting party keeps its purchase orders',
  'the file has 6000 rows; at most 5000 are read at once',
  'GM0106 is already on line 3',
  'expected 10 values, found 3',
  'there is no municipality GM9999',
  'GM0106 takes no part in a contract of yours; its own finance staff keep its details',
  'there is no contract VNG-SEN-2099',
];

describe('the portal says every file problem of the API in Dutch', () => {
  it.each(MESSAGES)('%s', (message) => {
    expect(dutchFileProblem(message)).not.toBe(message);
  });

  it('a problem it does not know is shown as sent', () => {
    expect(dutchFileProblem('something new')).toBe('something new');
  });

  it('keeps the values: the postal code and the example', () => {
    expect(dutchFileProblem('"94 JW" is not a Dutch postal code such as 9401 JW')).toBe(
      '"94 JW" is geen Nederlandse postcode zoals 9401 JW.',
    );
  });
});
