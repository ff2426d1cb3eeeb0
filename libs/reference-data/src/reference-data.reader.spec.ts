import type { Transaction } from '@wmo/tenancy';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { ReferenceDataReader } from './reference-data.reader';
import type { MunicipalityInfo } from './reference-data.types';

const tx = {} as Transaction;
const ASSEN: MunicipalityInfo = {
  code: 'GM0106',
  name: 'Assen',
  provinceCode: 'PV22',
  provinceName: 'Drenthe',
  validFrom: null,
  validTo: null,
};

function readerWith(rows: MunicipalityInfo[]) {
  const municipalities = { byCodes: jest.fn().mockResolvedValue(rows), existingOn: jest.fn() };
  const figures = { onDates: jest.fn().mockResolvedValue([]), existOn: jest.fn() };
  const reader = new ReferenceDataReader(
    municipalities as unknown as MunicipalityRepository,
    figures as unknown as PopulationFigureRepository,
    {} as MunicipalChangeRepository,
  );
  return { reader, municipalities, figures };
}

describe('ReferenceDataReader', () => {
  it('answers an empty list of codes with no municipalities, without a query', async () => {
    const { reader, municipalities } = readerWith([ASSEN]);
    expect(await reader.municipalities(tx, [])).toEqual([]);
    expect(municipalities.byCodes).not.toHaveBeenCalled();
  });

  it('reads every municipality when the codes are null', async () => {
    const { reader, municipalities } = readerWith([ASSEN]);
    expect(await reader.municipalities(tx, null)).toEqual([ASSEN]);
    expect(municipalities.byCodes).toHaveBeenCalledWith(tx, null);
  });

  it('answers null for an unknown code', async () => {
    const { reader } = readerWith([]);
    expect(await reader.municipality(tx, 'GM9999')).toBeNull();
  });

  it('answers population figures for no dates or no codes with none, without a query', async () => {
    const { reader, figures } = readerWith([]);
    expect(await reader.populationFigures(tx, [])).toEqual([]);
    expect(await reader.populationFigures(tx, ['2024-01-01'], [])).toEqual([]);
    expect(figures.onDates).not.toHaveBeenCalled();
  });
});
