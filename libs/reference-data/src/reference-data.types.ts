import type { IsoDate } from '@wmo/domain';

/** A municipality as other libraries see it: its CBS code, name, province and when the code existed. */
export interface MunicipalityInfo {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** First day the code existed; null when it already existed on 2014-01-01, where the data begins. */
  validFrom: IsoDate | null;
  /** Last day the code existed; null while it exists. */
  validTo: IsoDate | null;
}

/** The CBS population of one municipality on one reference date (peildatum, always 1 January). */
export interface PopulationFigure {
  referenceDate: IsoDate;
  code: string;
  inhabitants: number;
}
