import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, IsOptionalNotNull, Trim } from '@wmo/common';
import { CHANNEL_KINDS, ChannelKind } from '@wmo/contracts';
import { SHARE_PATTERN } from '../statistic-rules';

const MAX_COUNT = 1_000_000_000;

// With stopAtFirstError the decorator nearest the property is checked first: the type check
// (IsInt) sits there, so "12" is named as not a whole number rather than as out of range.

export class ChannelFiguresDto {
  @ApiProperty({ enum: CHANNEL_KINDS, example: 'PHONE' })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind: ChannelKind;

  /** Conversations held on the channel in the period (calls, chats, e-mails). */
  @ApiProperty({ example: 233866, minimum: 0 })
  @Min(0, { message: 'conversations must not be negative' })
  @Max(MAX_COUNT, { message: `conversations must be at most ${MAX_COUNT}` })
  @IsInt({ message: 'conversations must be a whole number' })
  conversations: number;

  /** Of those, answered; leave out (or null) when the provider does not report it. At most conversations. */
  @ApiPropertyOptional({ example: null, minimum: 0 })
  @IsOptional()
  @Min(0, { message: 'answered must not be negative' })
  @Max(MAX_COUNT, { message: `answered must be at most ${MAX_COUNT}` })
  @IsInt({ message: 'answered must be a whole number' })
  answered?: number | null;
}

export class TopicShareDto {
  /** A topic of conversation; each topic once. */
  @ApiProperty({ example: 'Zelfmoord' })
  @IsString({ message: 'topic must be text' })
  @Trim()
  @MinLength(1, { message: 'topic must not be empty' })
  @MaxLength(100, { message: 'topic must be at most 100 characters' })
  topic: string;

  /** Share of the conversations about the topic: a decimal string from 0 to 1 with at most 4 decimals (answered with 4). */
  @ApiProperty({ example: '0.0500' })
  @IsString({ message: 'share must be a decimal string such as "0.0500"' })
  @Matches(SHARE_PATTERN, {
    message: 'share must be a decimal string from 0 to 1 with at most 4 decimals, such as "0.0500"',
  })
  share: string;
}

/**
 * The period is either `year` (the whole calendar year) or `periodStart` and `periodEnd` (both
 * inclusive, within one calendar year), as for invoice runs.
 */
export class RecordStatisticsDto {
  /** The whole calendar year (or give periodStart and periodEnd instead). */
  @ApiPropertyOptional({ example: 2017 })
  @IsOptionalNotNull()
  @Min(1900, { message: 'year must be 1900 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  @IsInt({ message: 'year must be a whole year such as 2017' })
  year?: number;

  /** First day of a period shorter than a year (with periodEnd, in the same calendar year). */
  @ApiPropertyOptional({ format: 'date', example: '2017-01-01' })
  @IsOptionalNotNull()
  @IsIsoDate()
  periodStart?: string;

  /** Last day of that period (inclusive). */
  @ApiPropertyOptional({ format: 'date', example: '2017-06-30' })
  @IsOptionalNotNull()
  @IsIsoDate()
  periodEnd?: string;

  /** At least one channel, each kind at most once. A channel left out had no conversations in the period. */
  @IsArray({ message: 'channels must be a list' })
  @ArrayMinSize(1, { message: 'channels must list at least one channel' })
  @ArrayMaxSize(CHANNEL_KINDS.length, {
    message: `channels must list each of the ${CHANNEL_KINDS.length} kinds at most once`,
  })
  @ValidateNested({ each: true })
  @Type(() => ChannelFiguresDto)
  channels: ChannelFiguresDto[];

  /** Shares of topics, each topic once, adding up to at most 1. */
  @IsOptionalNotNull()
  @IsArray({ message: 'topics must be a list' })
  @ArrayMaxSize(50, { message: 'topics must list at most 50 topics' })
  @ValidateNested({ each: true })
  @Type(() => TopicShareDto)
  topics?: TopicShareDto[];

  /** Where the figures come from (an annual report, a factsheet). */
  @ApiPropertyOptional({ example: 'Sensoor, factsheet 2016' })
  @IsOptionalNotNull()
  @IsString({ message: 'source must be text' })
  @Trim()
  @MinLength(2, { message: 'source must be at least 2 characters' })
  @MaxLength(300, { message: 'source must be at most 300 characters' })
  source?: string;
}

export class ChannelCountDto {
  @ApiProperty({ enum: CHANNEL_KINDS, example: 'PHONE' })
  kind: ChannelKind;

  /** @example 233866 */
  conversations: number;

  /** Null when not reported. */
  @ApiProperty({ example: null })
  answered: number | null;
}

export class ServiceStatisticDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** The provider organisation. */
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ format: 'date', example: '2016-01-01' })
  periodStart: string;

  /** Inclusive. */
  @ApiProperty({ format: 'date', example: '2016-12-31' })
  periodEnd: string;

  /** In the order PHONE, CHAT, EMAIL, VIDEO, SMS. */
  channels: ChannelCountDto[];

  /** Conversations over all channels. @example 253777 */
  totalConversations: number;

  topics: TopicShareDto[];

  /** @example 'Sensoor, factsheet 2016' */
  source: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class YearTotalsDto {
  /** @example 2016 */
  year: number;

  /** Summed over the periods of the year; answered is null when a period of the year does not report it for the channel. */
  channels: ChannelCountDto[];

  /** @example 253777 */
  totalConversations: number;
}

export class ProviderStatisticsDto {
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  /** @example 'Stichting Sensoor' */
  providerName: string;

  /** Newest first. */
  periods: ServiceStatisticDto[];

  /** National totals per calendar year, newest first. */
  yearlyTotals: YearTotalsDto[];
}
