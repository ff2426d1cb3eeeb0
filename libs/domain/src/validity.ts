import { IsoDate } from './calendar-date';

/** A period of existence with inclusive ends; null means open (before the data begins, or still going). */
export interface Validity {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export function isValidOn(validity: Validity, day: IsoDate): boolean {
  return (
    (validity.validFrom === null || validity.validFrom <= day) && (validity.validTo === null || validity.validTo >= day)
  );
}
