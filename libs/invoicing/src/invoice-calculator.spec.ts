import { participantCharge } from '@wmo/domain';
import { readBundledReferenceData } from '@wmo/reference-data';
import { chargedLines } from './invoice-calculator';
import { approximationNote } from './invoicing.rules';

// The CBS data bundled in data/reference, as a run reads it from the database: names, reorganisations, figures.
const data = readBundledReferenceData();
const names = new Map(data.municipalities.map((m) => [m.code, m.name]));
const figures2014 = new Map(
  data.population.filter((p) => p.referenceDate === '2014-01-01').map((p) => [p.municipalityCode, p.inhabitants]),
);
const context = {
  dutyName: 'Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b)',
  referenceDate: '2014-01-01',
  names,
};

/** The lines of `code` for 2015 at EUR 0.25, on the figures of 1 January 2014. */
function lines2015(code: string) {
  const charge = participantCharge({
    code,
    billed: { from: '2015-01-01', to: '2015-12-31' },
    participations: [{ from: '2015-01-01', to: '2015-12-31' }],
    tariffs: [{ from: '2015-01-01', to: null, perInhabitant: '0.2500' }],
    referenceDate: '2014-01-01',
    figures: figures2014,
    changes: data.changes,
  });
  return chargedLines({ code, name: names.get(code)! }, charge!, context);
}

describe('chargedLines: an approximation is explained on the line in Dutch, naming the municipalities', () => {
  it("'s-Hertogenbosch 2015: Maasdonk (ended 2014) is named from the reference data, its part not counted", () => {
    expect(lines2015('GM0796')).toEqual([
      expect.objectContaining({
        municipalityCode: 'GM0796',
        description:
          "Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b) 01-01-2015 t/m 31-12-2015: 's-Hertogenbosch (GM0796)",
        calculation: '143.733 inwoners (CBS, peildatum 01-01-2014) x EUR 0,2500 (benadering, zie toelichting)',
        inhabitants: 143_733,
        amountCents: 3_593_325,
        approximationNote:
          "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
          "het deel dat naar 's-Hertogenbosch ging telt hier niet mee.",
      }),
    ]);
  });

  it('Oss 2015: the same division, the part that went to Oss not counted; the document note says it once', () => {
    const lines = lines2015('GM0828');
    expect(lines.map((line) => line.approximationNote)).toEqual([
      "Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend aandeel per gemeente; " +
        'het deel dat naar Oss ging telt hier niet mee.',
    ]);
    expect(approximationNote([...lines, ...lines])).toBe(
      "Toelichting inwonertal: Maasdonk is op 1 januari 2015 verdeeld over 's-Hertogenbosch en Oss, zonder bekend " +
        'aandeel per gemeente; het deel dat naar Oss ging telt hier niet mee.',
    );
  });

  it('an exact territory has no note and no remark in the calculation (Assen)', () => {
    expect(lines2015('GM0106')).toEqual([
      expect.objectContaining({
        calculation: '67.190 inwoners (CBS, peildatum 01-01-2014) x EUR 0,2500',
        approximationNote: null,
      }),
    ]);
  });
});
