import { explain, ExplanationSubject } from './explanation.rules';
import { evaluation } from './testing/fixtures';

const WMO = {
  legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
  countingChannels: ['PHONE', 'CHAT'],
  continuousAvailability: true,
};
const ASSEN: ExplanationSubject = {
  municipalityName: 'Assen',
  duty: WMO,
  contracts: [
    { reference: 'VNG-SEN-2018', supplierName: 'Stichting Sensoor' },
    { reference: 'VNG-SEN-2018', supplierName: 'Stichting Sensoor' },
  ],
};
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const allDay = (weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7) => ({
  weekday,
  from: '00:00',
  to: '00:00',
  minutes: 1440,
  validFrom: '2025-01-01',
  validTo: '2025-12-31',
});

describe('the explanation of a status', () => {
  it('COMPLIANT over a year names each contract once and the channels always available', () => {
    expect(explain(ASSEN, YEAR, evaluation({ status: 'COMPLIANT' }))).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): gedekt door VNG-SEN-2018 (Stichting Sensoor); op elk moment van de week is telefoon of chat bereikbaar.',
    );
  });

  it('COMPLIANT over the running year: up to and including today, never the whole year', () => {
    expect(
      explain(ASSEN, { from: '2026-01-01', to: '2026-12-31' }, evaluation({ status: 'COMPLIANT' }), '2026-12-03'),
    ).toBe(
      'Assen voldoet van 1 januari 2026 t/m 3 december 2026 (vandaag) aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): gedekt door VNG-SEN-2018 (Stichting Sensoor); op elk moment van de week is telefoon of chat bereikbaar.',
    );
    // A year that has ended keeps its whole span.
    expect(explain(ASSEN, YEAR, evaluation({ status: 'COMPLIANT' }), '2026-12-03')).toContain(
      'van 1 januari 2025 t/m 31 december 2025 aan',
    );
  });

  it('COMPLIANT on one day, for a duty without continuous availability', () => {
    const subject = { ...ASSEN, duty: { ...WMO, continuousAvailability: false } };
    expect(explain(subject, { from: '2025-03-15', to: '2025-03-15' }, evaluation({ status: 'COMPLIANT' }))).toBe(
      'Assen voldoet op 15 maart 2025 aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): gedekt door VNG-SEN-2018 (Stichting Sensoor).',
    );
  });

  it('AT_RISK says when the coverage ends and from when the duty is not met', () => {
    const atRisk = evaluation({ status: 'AT_RISK', coveredUntil: '2025-12-31', uncoveredFrom: '2026-01-01' });
    expect(explain(ASSEN, { from: '2025-11-01', to: '2025-11-01' }, atRisk)).toBe(
      'Assen voldoet op 1 november 2025 aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015), maar de dekking door VNG-SEN-2018 (Stichting Sensoor) eindigt op 31 december 2025 en er is geen opvolgend contract: vanaf 1 januari 2026 is de plicht niet gedekt.',
    );
  });

  it('NON_COMPLIANT with one stretch of days without a contract', () => {
    const gaps = evaluation({ dayGaps: [{ from: '2025-07-01', to: '2025-12-31', days: 184 }] });
    expect(explain({ ...ASSEN, contracts: [] }, YEAR, gaps)).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 niet aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): 184 dagen zonder contract (1 juli 2025 t/m 31 december 2025).',
    );
  });

  it('NON_COMPLIANT with a single day, and more stretches after it', () => {
    const gaps = evaluation({
      dayGaps: [
        { from: '2025-02-01', to: '2025-02-01', days: 1 },
        { from: '2025-03-01', to: '2025-12-31', days: 306 },
      ],
    });
    expect(explain(ASSEN, YEAR, gaps)).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 niet aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): 307 dagen zonder contract (1 februari 2025 en meer).',
    );
    expect(explain(ASSEN, YEAR, evaluation({ dayGaps: [gaps.dayGaps[0]] }))).toContain(
      ': 1 dag zonder contract (1 februari 2025).',
    );
  });

  it('writes thousands of days the Dutch way', () => {
    const gaps = evaluation({ dayGaps: [{ from: '2015-01-01', to: '2017-12-31', days: 1096 }] });
    expect(explain(ASSEN, { from: '2015-01-01', to: '2017-12-31' }, gaps)).toContain(
      ': 1.096 dagen zonder contract (1 januari 2015 t/m 31 december 2017).',
    );
  });

  it('NON_COMPLIANT with weekly gaps gives the first as an example', () => {
    const gaps = evaluation({
      weeklyGaps: [
        { weekday: 1, from: '22:00', to: '09:00', minutes: 660, validFrom: '2025-01-01', validTo: '2025-12-31' },
        { weekday: 2, from: '22:00', to: '09:00', minutes: 660, validFrom: '2025-01-01', validTo: '2025-12-31' },
      ],
    });
    expect(explain(ASSEN, YEAR, gaps)).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 niet aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): wekelijks tijden zonder telefoon of chat (bijvoorbeeld maandag 22:00-09:00).',
    );
  });

  it('a whole week without a counting channel: none in the service at all', () => {
    const gaps = evaluation({ weeklyGaps: ([1, 2, 3, 4, 5, 6, 7] as const).map(allDay) });
    expect(explain(ASSEN, YEAR, gaps)).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 niet aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): geen telefoon of chat in de dienstverlening.',
    );
  });

  it('six whole days are not the whole week', () => {
    const gaps = evaluation({ weeklyGaps: ([2, 3, 4, 5, 6, 7] as const).map(allDay) });
    expect(explain(ASSEN, YEAR, gaps)).toContain(
      ': wekelijks tijden zonder telefoon of chat (bijvoorbeeld dinsdag 00:00-00:00).',
    );
  });

  it('NON_COMPLIANT by closures counts them and their minutes', () => {
    const closure = (start: string, end: string, minutes: number) => ({ start, end, minutes, reasons: ['Onderhoud'] });
    expect(
      explain(
        ASSEN,
        YEAR,
        evaluation({ datedGaps: [closure('2025-03-10T02:00:00+01:00', '2025-03-10T04:00:00+01:00', 120)] }),
      ),
    ).toContain(': 1 onderbreking door sluiting (120 minuten).');
    expect(
      explain(
        ASSEN,
        YEAR,
        evaluation({
          datedGaps: [
            closure('2025-03-10T00:00:00+01:00', '2025-03-11T00:00:00+01:00', 1440),
            closure('2025-04-10T02:00:00+02:00', '2025-04-10T03:00:00+02:00', 60),
          ],
        }),
      ),
    ).toContain(': 2 onderbrekingen door sluiting (1.500 minuten).');
  });

  it('joins several reasons with semicolons, days first', () => {
    const gaps = evaluation({
      dayGaps: [{ from: '2025-01-01', to: '2025-01-31', days: 31 }],
      weeklyGaps: [
        { weekday: 7, from: '23:00', to: '07:00', minutes: 480, validFrom: '2025-02-01', validTo: '2025-12-31' },
      ],
      datedGaps: [{ start: '2025-05-01T10:00:00+02:00', end: '2025-05-01T11:00:00+02:00', minutes: 60, reasons: [] }],
    });
    expect(explain(ASSEN, YEAR, gaps)).toBe(
      'Assen voldoet van 1 januari 2025 t/m 31 december 2025 niet aan de plicht (art. 2.2.4 lid 1 onder b Wmo 2015): 31 dagen zonder contract (1 januari 2025 t/m 31 januari 2025); wekelijks tijden zonder telefoon of chat (bijvoorbeeld zondag 23:00-07:00); 1 onderbreking door sluiting (60 minuten).',
    );
  });

  it('names an unknown channel kind in lower case', () => {
    const subject = { ...ASSEN, duty: { ...WMO, countingChannels: ['PHONE', 'PIGEON'] } };
    expect(explain(subject, YEAR, evaluation({ status: 'COMPLIANT' }))).toContain('is telefoon of pigeon bereikbaar.');
  });
});
