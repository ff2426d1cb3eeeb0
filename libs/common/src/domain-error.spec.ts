import { ErrorCatalogue, FeatureError, RequestValidationError } from './domain-error';

enum ProbeCode {
  Missing = 'PROBE_MISSING',
  Taken = 'PROBE_TAKEN',
}

const PROBE_ERRORS: ErrorCatalogue<ProbeCode> = {
  [ProbeCode.Missing]: { status: 404, title: 'Probe not found' },
  [ProbeCode.Taken]: { status: 409, title: 'Probe already taken' },
};

class ProbeError extends FeatureError<ProbeCode> {
  protected catalogue(): ErrorCatalogue<ProbeCode> {
    return PROBE_ERRORS;
  }
}

describe('FeatureError', () => {
  it('takes its status and title from the feature catalogue, per code', () => {
    const missing = new ProbeError(ProbeCode.Missing, 'There is no probe 7.');
    const taken = new ProbeError(ProbeCode.Taken, 'Probe 7 is taken.', { probeId: 7 });
    expect([missing.httpStatus(), missing.title, missing.code, missing.detail]).toEqual([
      404,
      'Probe not found',
      'PROBE_MISSING',
      'There is no probe 7.',
    ]);
    expect([taken.httpStatus(), taken.title, taken.extensions]).toEqual([409, 'Probe already taken', { probeId: 7 }]);
    expect(taken.name).toBe('ProbeError');
    expect(taken.headers()).toEqual({});
  });
});

describe('RequestValidationError', () => {
  it('is a 400 whose detail lists every field', () => {
    const error = new RequestValidationError([
      { field: 'year', message: 'year must be 2015 or later' },
      { field: 'to', message: 'to must not be before from' },
    ]);
    expect([error.httpStatus(), error.detail]).toEqual([
      400,
      'year: year must be 2015 or later; to: to must not be before from',
    ]);
  });
});
