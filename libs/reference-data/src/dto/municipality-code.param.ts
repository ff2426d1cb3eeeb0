import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;

export class MunicipalityCodeParam {
  @ApiProperty({ example: 'GM0363', pattern: MUNICIPALITY_CODE_PATTERN.source, description: 'CBS municipality code: `GM` and four digits.' })
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'code must be a CBS municipality code: GM followed by four digits, e.g. GM0363' })
  code: string;
}
