import { ApiProperty } from '@nestjs/swagger';
import { TERRITORIAL_CHANGE_RELATIONS } from '@wmo/domain';

export class StartedMunicipalityDto {
  /** @example 'GM1999' */
  code: string;

  /** @example 'Drentse Venen' */
  name: string;

  /** @example 'PV22' */
  provinceCode: string;
}

export class EndedMunicipalityDto {
  /** @example 'GM1680' */
  code: string;

  /** @example 'Aa en Hunze' */
  name: string;

  /** The last day it exists: the day before the reorganisation. */
  @ApiProperty({ format: 'date' })
  lastDay: string;
}

export class ReorganisationStepDto {
  /** The file's line. @example 2 */
  line: number;

  /** @example 'GM1680' */
  oldCode: string;

  /** @example 'Aa en Hunze' */
  oldName: string;

  /** @example 'GM1999' */
  newCode: string;

  /** @example 'Drentse Venen' */
  newName: string;

  @ApiProperty({ enum: TERRITORIAL_CHANGE_RELATIONS })
  relation: string;

  /** The share of the old municipality's addresses that moves (split_part); null when unknown. @example '0.4500' */
  share: string | null;

  /** Whether this step is loaded already, as the file has it. */
  loaded: boolean;
}

export class EndingParticipationDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  /** @example 'GM1680' */
  municipalityCode: string;

  /** @example 'Aa en Hunze' */
  name: string;

  /** Its participation as it is: from, and until (null: open-ended). */
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date', nullable: true })
  to: string | null;

  /** The day the municipality ends, and with it what is billed for it. */
  @ApiProperty({ format: 'date' })
  endsOn: string;
}

export class RollOverPreviewDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  /** @example 'VNG-SEN-2018' */
  contractReference: string;

  /** Successors that would continue their predecessors' participation (POST /contracts/{id}/participants/roll-over?year=). */
  @ApiProperty({
    type: [Object],
    example: [{ code: 'GM1999', from: '2027-01-01', predecessors: ['GM0106', 'GM1680'] }],
  })
  continued: Array<{ code: string; from: string; predecessors: string[] }>;

  alreadyParticipating: string[];

  /** Successors for which continuing would be a guess: reported, for the contract manager to decide. */
  @ApiProperty({ type: [Object] })
  conflicts: Array<{ code: string; predecessors: string[]; reason: string }>;
}

export class ReorganisationImportReportDto {
  /** Whether the reorganisation was written (false for a dry run). */
  applied: boolean;

  @ApiProperty({ format: 'date' })
  effectiveDate: string;

  /** Steps read. */
  rows: number;

  /** Steps loaded already as the file has them; a file applied before has all. */
  unchanged: number;

  /** Municipalities that start on the date. */
  started: StartedMunicipalityDto[];

  /** Municipalities that end the day before. */
  ended: EndedMunicipalityDto[];

  steps: ReorganisationStepDto[];

  /** Participations in contracts that end with their municipality. */
  endingParticipations: EndingParticipationDto[];

  /** The roll-over each active contract with a participant among the old municipalities would get. */
  rollOvers: RollOverPreviewDto[];

  /** Contract managers' organisations notified of the roll-over on offer (0 for a dry run, or when notified before). */
  notified: number;
}
