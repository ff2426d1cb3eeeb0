import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInteger } from './transforms';

/** `?page=&limit=` of every paged list: pages from 1, at most 500 items a page. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'page must be a whole number of 1 or more' })
  @Min(1, { message: 'page must be a whole number of 1 or more' })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must not be greater than 500' })
  limit: number = 50;
}
