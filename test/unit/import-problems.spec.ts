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
  // The reorganisation file, as test/reference-data/reorganisation-imports.e2e-spec and its rules spec pin them.
  'the file is empty: a header and at least one reorganisation step are needed',
  'the file has a header but no reorganisation step',
  'the file is separated by semicolons; separate the columns with commas',
  'the first line must name the columns effective_date,old_code,new_code,relation,evidence_source (and optionally old_name,new_name,new_province_code,share_of_old_addresses,addresses_moved,notes); missing: relation',
  'at most 1000 steps are read per file',
  'effective_date "morgen" is not a date (YYYY-MM-DD)',
  'effective_date 2040-01-01 is out of range: reorganisations from 2015 to 2027 can be loaded',
  'effective_date 2028-01-01 differs from 2027-01-01: a file holds the reorganisation of one date',
  '3 values where the header names 9 columns',
  'relation "fusie" is none of merged_into_new, absorbed_by_existing, split_part',
  'old_code "GM12" is not a CBS municipality code (GM and four digits)',
  'new_code "X" is not a CBS municipality code (GM and four digits)',
  'old_code GM9998 is no municipality that is loaded: a code that never existed',
  'old_code GM0265 (Millingen aan de Rijn) does not exist on 2026-12-31',
  'old_name "Asen" is not the name of GM0106, which is Assen',
  'old_code and new_code are both GM0106',
  'new_code GM1234 does not exist yet: absorbed_by_existing needs an existing municipality',
  'new_name is needed for the new municipality GM1999 (2 to 100 characters)',
  'new_province_code PV99 is no province (PV20 to PV31)',
  'new_province_code is needed for the new municipality GM1997 (PV20 to PV31)',
  'new municipality GM1999 has another name or province than on line 2',
  'new_code GM1680 (Aa en Hunze) ended on 2026-12-31; a CBS code is never used again',
  'new_code GM1999 (Hunzedal) does not exist on 2026-01-01',
  'new_code GM0080 exists already (Leeuwarden): renamed_new_code needs a new code',
  'new_name "Groningen" is not the name of GM0106, which is Assen',
  'new_province_code PV21 is not the province of GM0106 (PV22)',
  'share_of_old_addresses "1.5" is not a decimal from 0 to 1 (at most four decimals)',
  'addresses_moved "veel" is not a whole number of addresses',
  'evidence_source is needed: where the reorganisation is published (the law, the CBS table)',
  'notes is longer than 2000 characters',
  'GM0106 to GM0014 is listed twice',
  'GM0088 goes whole to GM0080 and GM0059: a municipality split over several others is listed with split_part and its shares',
  'the shares of GM0088 add up to 1.2000, more than 1',
  'GM0088 ends on 2027-01-01 and cannot receive a part on that day',
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
