import { RequestValidationError } from '@wmo/common';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import {
  assertExceptionsApply,
  decideEnrolment,
  EnrolmentDecision,
  enrolmentRefusal,
  ExceptionFact,
  exceptionPeriod,
  MunicipalityFacts,
  ParticipationFact,
  participationToEnd,
  skipReason,
  yearEnrolmentStart,
} from './enrolment.rules';
import { thrown } from '../../../test/unit/support/thrown';

const ASSEN: MunicipalityFacts = { code: 'GM0106', name: 'Assen', validFrom: null, validTo: null };
const BEDUM: MunicipalityFacts = { code: 'GM0005', name: 'Bedum', validFrom: null, validTo: '2018-12-31' };
const HET_HOGELAND: MunicipalityFacts = {
  code: 'GM1966',
  name: 'Het Hogeland',
  validFrom: '2019-01-01',
  validTo: null,
};
const AMSTERDAM: MunicipalityFacts = { code: 'GM0363', name: 'Amsterdam', validFrom: null, validTo: null };

const from2018 = { from: '2018-01-01', to: null };
const term2018Open = { from: '2018-01-01', to: null };
const g4: ExceptionFact = {
  municipalityCode: 'GM0363',
  kind: 'EXCLUDED',
  reason: 'G4: eigen contract',
  fromDate: '2018-01-01',
  toDate: null,
};

const decide = (
  municipality: MunicipalityFacts,
  over: {
    term?: { from: string; to: string | null };
    requested?: { from: string; to: string | null };
    exceptions?: ExceptionFact[];
    participations?: ParticipationFact[];
  } = {},
): EnrolmentDecision =>
  decideEnrolment({
    municipality,
    term: over.term ?? term2018Open,
    requested: over.requested ?? from2018,
    exceptions: over.exceptions ?? [],
    participations: over.participations ?? [],
  });

describe('the enrolment rule', () => {
  it('enrols an existing municipality for the rest of an open-ended contract', () => {
    expect(decide(ASSEN)).toEqual({ enrolled: true, code: 'GM0106', from: '2018-01-01', to: null });
  });

  it('ends the participation with the contract when none is asked', () => {
    expect(
      decide(ASSEN, { term: { from: '2015-01-01', to: '2017-12-31' }, requested: { from: '2016-01-01', to: null } }),
    ).toEqual({
      enrolled: true,
      code: 'GM0106',
      from: '2016-01-01',
      to: '2017-12-31',
    });
  });

  it('ends the participation when the municipality ceases to exist (a merger)', () => {
    expect(decide(BEDUM)).toEqual({ enrolled: true, code: 'GM0005', from: '2018-01-01', to: '2018-12-31' });
  });

  it('refuses days outside the contract term', () => {
    expect(decide(ASSEN, { requested: { from: '2017-12-31', to: null } })).toMatchObject({ reason: 'OUTSIDE_TERM' });
    expect(
      decide(ASSEN, {
        term: { from: '2018-01-01', to: '2018-12-31' },
        requested: { from: '2018-01-01', to: '2019-01-01' },
      }),
    ).toMatchObject({ reason: 'OUTSIDE_TERM' });
  });

  it('refuses a municipality that did not exist on the first or the asked last day', () => {
    expect(decide(HET_HOGELAND)).toMatchObject({ enrolled: false, reason: 'NOT_EXISTING' });
    expect(decide(BEDUM, { requested: { from: '2018-01-01', to: '2019-06-30' } })).toMatchObject({
      reason: 'NOT_EXISTING',
    });
  });

  it('skips an excepted municipality while the exception overlaps, naming the exception', () => {
    expect(decide(AMSTERDAM, { exceptions: [g4] })).toEqual({
      enrolled: false,
      code: 'GM0363',
      reason: 'EXCEPTED',
      exception: g4,
    });
    const ended = { ...g4, toDate: '2017-12-31' };
    expect(decide(AMSTERDAM, { exceptions: [ended] })).toMatchObject({ enrolled: true });
  });

  it("ignores another municipality's exceptions and participations", () => {
    const assenTakesPart = { municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: null };
    expect(
      decide(AMSTERDAM, { exceptions: [{ ...g4, municipalityCode: 'GM0106' }], participations: [assenTakesPart] }),
    ).toMatchObject({
      enrolled: true,
    });
  });

  it('never enrols twice: an overlapping participation of its own stops it; an earlier, ended one does not', () => {
    const running = { municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: null };
    expect(decide(ASSEN, { participations: [running] })).toEqual({
      enrolled: false,
      code: 'GM0106',
      reason: 'ALREADY_PARTICIPATING',
      participation: running,
    });
    const earlier = { municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: '2018-06-30' };
    expect(decide(ASSEN, { requested: { from: '2018-07-01', to: null }, participations: [earlier] })).toMatchObject({
      enrolled: true,
      from: '2018-07-01',
    });
  });

  it('checks exceptions before participations', () => {
    const running = { municipalityCode: 'GM0363', fromDate: '2018-01-01', toDate: null };
    expect(decide(AMSTERDAM, { exceptions: [g4], participations: [running] })).toMatchObject({ reason: 'EXCEPTED' });
  });
});

describe('what enrolling all municipalities of a year reports as skipped', () => {
  const refused = (decision: EnrolmentDecision) => {
    if (decision.enrolled) throw new Error('expected a refusal');
    return skipReason(decision, from2018);
  };

  it('gives the exception reason, "already takes part", or the day it did not exist', () => {
    expect(refused(decide(AMSTERDAM, { exceptions: [g4] }))).toBe('excepted: G4: eigen contract');
    expect(
      refused(
        decide(ASSEN, { participations: [{ municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: null }] }),
      ),
    ).toBe('already takes part');
    expect(refused(decide(HET_HOGELAND))).toBe('did not exist on 2018-01-01');
  });

  it('starts on 1 January, or on the contract start when that is later; a year outside the term is 422', () => {
    expect(yearEnrolmentStart({ startDate: '2018-01-01', endDate: null }, 2019)).toBe('2019-01-01');
    expect(yearEnrolmentStart({ startDate: '2025-03-01', endDate: null }, 2025)).toBe('2025-03-01');
    const error = thrown(() => yearEnrolmentStart({ startDate: '2015-01-01', endDate: '2017-12-31' }, 2018));
    expect((error as ContractsError).message).toBe('The contract term 2015-01-01 to 2017-12-31 does not include 2018.');
  });
});

describe('the errors of a single enrolment', () => {
  const contract = { reference: 'VNG-SEN-2018', startDate: '2018-01-01', endDate: null };
  const refusal = (municipality: MunicipalityFacts, decision: EnrolmentDecision, requested = from2018) => {
    if (decision.enrolled) throw new Error('expected a refusal');
    return enrolmentRefusal(decision, { municipality, contract, requested });
  };

  it('is 409 MUNICIPALITY_EXCEPTED with the exception', () => {
    const error = refusal(AMSTERDAM, decide(AMSTERDAM, { exceptions: [g4] }));
    expect(error.code).toBe(ContractsErrorCode.MunicipalityExcepted);
    expect(error.httpStatus()).toBe(409);
    expect(error.message).toBe('GM0363 is excepted from contract VNG-SEN-2018: G4: eigen contract.');
    expect(error.extensions).toEqual({
      exception: { kind: 'EXCLUDED', reason: 'G4: eigen contract', from: '2018-01-01', to: null },
    });
  });

  it('is 422 MUNICIPALITY_NOT_EXISTING saying when it existed', () => {
    const error = refusal(HET_HOGELAND, decide(HET_HOGELAND));
    expect(error.code).toBe(ContractsErrorCode.MunicipalityNotExisting);
    expect(error.message).toBe(
      'Het Hogeland (GM1966) did not exist for the whole period: it existed from 2019-01-01 until now.',
    );
  });

  it('is 409 ALREADY_PARTICIPATING naming the start, and 422 OUTSIDE_CONTRACT_TERM', () => {
    const running = { municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: null };
    expect(refusal(ASSEN, decide(ASSEN, { participations: [running] })).message).toBe(
      'GM0106 already takes part in contract VNG-SEN-2018 from 2018-01-01.',
    );
    const early = { from: '2017-01-01', to: null };
    expect(refusal(ASSEN, decide(ASSEN, { requested: early }), early).message).toBe(
      'Participation from 2017-01-01 to open-ended lies outside the contract term 2018-01-01 to open-ended.',
    );
  });
});

describe("ending a municipality's participation", () => {
  const newestFirst = [
    { municipalityCode: 'GM0106', fromDate: '2020-01-01', toDate: null },
    { municipalityCode: 'GM0106', fromDate: '2018-01-01', toDate: '2018-12-31' },
  ];
  const context = { code: 'GM0106', reference: 'VNG-SEN-2018' };

  it('ends the latest participation still running on the date', () => {
    expect(participationToEnd(newestFirst, '2025-06-30', context)).toBe(newestFirst[0]);
  });

  it('is 404 when none runs on or after the date', () => {
    const error = thrown(() => participationToEnd(newestFirst.slice(1), '2019-06-30', context)) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.ParticipationNotFound);
    expect(error.message).toBe('GM0106 does not take part in contract VNG-SEN-2018 on or after 2019-06-30.');
  });

  it('refuses an end before the participation started (400)', () => {
    const error = thrown(() => participationToEnd(newestFirst, '2019-06-30', context)) as RequestValidationError;
    expect(error.fieldErrors).toEqual([
      { field: 'endDate', message: 'endDate must not be before the participation started (2020-01-01)' },
    ]);
  });
});

describe('excepting a municipality', () => {
  it('applies to collective contracts only', () => {
    expect(() => assertExceptionsApply({ kind: 'COLLECTIVE' })).not.toThrow();
    expect((thrown(() => assertExceptionsApply({ kind: 'INDIVIDUAL' })) as RequestValidationError).fieldErrors).toEqual(
      [{ field: 'code', message: 'exceptions apply to collective contracts' }],
    );
  });

  it('runs from the contract start unless given, open-ended', () => {
    expect(exceptionPeriod({ startDate: '2018-01-01' }, { code: 'GM0363' }, [])).toEqual({
      from: '2018-01-01',
      to: null,
    });
  });

  it('is refused while the municipality takes part (409)', () => {
    const running = { municipalityCode: 'GM0363', fromDate: '2018-01-01', toDate: null };
    const error = thrown(() =>
      exceptionPeriod({ startDate: '2018-01-01' }, { code: 'GM0363', from: '2020-01-01' }, [running]),
    ) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.AlreadyParticipating);
    expect(error.message).toBe('GM0363 takes part from 2018-01-01; end its participation before excepting it.');
  });
});
