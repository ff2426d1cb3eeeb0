import { RequestValidationError } from '@wmo/common';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { newTariffPeriod, tariffChange } from './tariffs.rules';
import { thrown } from '../../../test/unit/support/thrown';

const term2025 = { startDate: '2025-01-01', endDate: '2025-12-31' };
const firstHalf = { id: 't1', validFrom: '2025-01-01', validTo: '2025-06-30' };

describe('a tariff added to a draft', () => {
  it('ends with the contract when open-ended', () => {
    expect(newTariffPeriod(term2025, { validFrom: '2025-07-01' }, [firstHalf])).toEqual({
      from: '2025-07-01',
      to: '2025-12-31',
    });
  });

  it('stays open-ended on an open-ended contract', () => {
    expect(newTariffPeriod({ startDate: '2018-01-01', endDate: null }, { validFrom: '2018-01-01' }, [])).toEqual({
      from: '2018-01-01',
      to: null,
    });
  });

  it('refuses validTo before validFrom (400 on validTo)', () => {
    const error = thrown(() => newTariffPeriod(term2025, { validFrom: '2025-03-01', validTo: '2025-02-28' }, []));
    expect((error as RequestValidationError).fieldErrors).toEqual([
      { field: 'validTo', message: 'validTo must not be before validFrom' },
    ]);
  });

  it('refuses a period outside the term (422)', () => {
    const error = thrown(() => newTariffPeriod(term2025, { validFrom: '2024-12-31' }, [])) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.OutsideContractTerm);
    expect(error.message).toBe(
      'The tariff period 2024-12-31 to 2025-12-31 lies outside the contract term 2025-01-01 to 2025-12-31.',
    );
  });

  it('refuses one day of overlap (409), naming the other tariff; the adjacent day is fine', () => {
    const error = thrown(() => newTariffPeriod(term2025, { validFrom: '2025-06-30' }, [firstHalf])) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.TariffOverlap);
    expect(error.message).toBe(
      'The tariff overlaps the tariff valid from 2025-01-01 to 2025-06-30; tariffs of a contract never overlap.',
    );
    expect(() => newTariffPeriod(term2025, { validFrom: '2025-07-01' }, [firstHalf])).not.toThrow();
  });
});

describe("an amendment's tariff change", () => {
  const whole = { id: 't1', validFrom: '2025-01-01', validTo: '2026-12-31' };

  it('ends the tariff in force the day before and runs the new one to the contract end', () => {
    expect(tariffChange([whole], '2026-01-01', '2026-12-31')).toEqual({
      current: whole,
      currentEndsOn: '2025-12-31',
      next: { from: '2026-01-01', to: '2026-12-31' },
    });
  });

  it('refuses a change when a tariff already starts on or after the effective date (409)', () => {
    const later = { id: 't2', validFrom: '2026-01-01', validTo: null };
    const error = thrown(() => tariffChange([whole, later], '2026-01-01', null)) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.TariffOverlap);
    expect(error.message).toBe('A tariff already starts on or after 2026-01-01.');
  });

  it('refuses a tariff that would start after the contract ends: a 400 naming effectiveDate (found by the fuzzer: a 500)', () => {
    const error = thrown(() => tariffChange([whole], '2026-01-01', '2025-01-01')) as RequestValidationError;
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.fieldErrors).toEqual([expect.objectContaining({ field: 'effectiveDate' })]);
  });

  it('has no current tariff to end when none is in force on the effective date', () => {
    expect(tariffChange([firstHalf], '2025-09-01', null).current).toBeUndefined();
  });
});
