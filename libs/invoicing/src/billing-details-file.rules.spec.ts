import { normalisePostalCode, oinProblem, passesElevenTest, readBillingFile } from './billing-details-file.rules';

describe('checking billing details', () => {
  it("an RSIN passes the eleven test: Assen's 001589623 does, with one digit changed it does not", () => {
    expect(passesElevenTest('001589623')).toBe(true);
    expect(passesElevenTest('001589624')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('an OIN is 20 digits; the municipal form 00000001 + RSIN + 000 must carry a valid RSIN', () => {
    expect(oinProblem('00000001001589623000')).toBeNull();
    expect(oinProblem('00000001001589624000')).toBe(
      'the RSIN in this OIN (001589624) fails the eleven test: a digit is wrong',
    );
    expect(oinProblem('0000000100158962300')).toBe('an OIN is 20 digits');
    expect(oinProblem('00000004003214345000')).toBeNull();
  });

  it.each([
    ['9401JW', '9401 JW'],
    [' 9401 jw ', '9401 JW'],
    ['9401  JW', '9401 JW'],
    ['0401 JW', null],
    ['9401 SS', null],
    ['94011 JW', null],
    ['JW 9401', null],
  ])('postal code %j is read as %j', (text, normalised) => {
    expect(normalisePostalCode(text)).toBe(normalised);
  });
});

describe('reading a bulk billing-details file', () => {
  const HEADER = 'code,oin,kvkNumber,street,postalCode,city,invoiceEmail';

  it('reads complete rows and rows with empty cells, the postal code normalised', () => {
    const { rows, problems } = readBillingFile(
      `${HEADER}\nGM0106,00000001001589623000,01176040,Noordersingel 33,9401jw,Assen,facturen@assen.nl\nGM0014,,,,,,\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        code: 'GM0106',
        oin: '00000001001589623000',
        kvkNumber: '01176040',
        street: 'Noordersingel 33',
        postalCode: '9401 JW',
        city: 'Assen',
        invoiceEmail: 'facturen@assen.nl',
        purchaseOrder: null,
      },
      {
        line: 3,
        code: 'GM0014',
        oin: null,
        kvkNumber: null,
        street: null,
        postalCode: null,
        city: null,
        invoiceEmail: null,
        purchaseOrder: null,
      },
    ]);
  });

  it('reports every problem with its line and column', () => {
    const { rows, problems } = readBillingFile(
      [
        HEADER,
        'GM01,00000001001589624000,1234,Noordersingel 33,94 JW,Assen,geen-adres',
        'GM0014,,,Noordersingel 33,,Assen,',
        'GM0106,,,,,,',
        'GM0106,,,,,,',
      ].join('\n'),
    );
    expect(rows.map((row) => row.line)).toEqual([4]);
    expect(problems).toEqual([
      { line: 2, field: 'code', message: '"GM01" is not a CBS municipality code (GM and four digits)' },
      {
        line: 2,
        field: 'oin',
        message: 'the RSIN in this OIN (001589624) fails the eleven test: a digit is wrong',
      },
      { line: 2, field: 'kvkNumber', message: 'a KvK number is 8 digits' },
      { line: 2, field: 'postalCode', message: '"94 JW" is not a Dutch postal code such as 9401 JW' },
      { line: 2, field: 'invoiceEmail', message: '"geen-adres" is not an e-mail address' },
      {
        line: 3,
        field: 'street',
        message: 'an address needs street, postal code and city together (or none of them)',
      },
      { line: 5, field: 'code', message: 'GM0106 is already on line 4' },
    ]);
  });

  it('takes a purchase order per contract and year in the optional columns', () => {
    const { rows, problems } = readBillingFile(
      `${HEADER},contractReference,year,purchaseOrderNumber\nGM0106,,,,,,,VNG-SEN-2018,2025,4500012345\nGM0106,,,,,,,VNG-SEN-2018,2026,4500099999\nGM0014,,,,,,,VNG-SEN-2018,,1\n`,
    );
    expect(rows.map((row) => row.purchaseOrder)).toEqual([
      { contractReference: 'VNG-SEN-2018', year: 2025, number: '4500012345' },
      { contractReference: 'VNG-SEN-2018', year: 2026, number: '4500099999' },
    ]);
    expect(problems).toEqual([
      {
        line: 4,
        field: 'contractReference',
        message: 'a purchase order needs contractReference, year and purchaseOrderNumber together',
      },
    ]);
  });

  it('refuses a file without the header, and an empty one', () => {
    expect(readBillingFile('GM0106,,,,,,\n').problems).toEqual([
      {
        line: 1,
        message:
          'the first line must be the header "code,oin,kvkNumber,street,postalCode,city,invoiceEmail", optionally followed by ",contractReference,year,purchaseOrderNumber"',
      },
    ]);
    expect(readBillingFile('').problems).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});
