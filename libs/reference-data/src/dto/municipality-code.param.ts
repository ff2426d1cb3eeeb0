import { applyDecorators, Param } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { fieldDecorator, FieldOptions, PatternPipe } from '@wmo/common';

export const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;

const codePipe = new PatternPipe(
  'code',
  MUNICIPALITY_CODE_PATTERN,
  'code must be a CBS municipality code: GM followed by four digits, e.g. GM0363',
);

/** The `{code}` path parameter: a CBS municipality code, checked (400) before the handler runs. */
export const MunicipalityCode = (): ParameterDecorator => Param('code', codePipe);

/** Documents the `{code}` path parameter. */
export const ApiMunicipalityCode = () =>
  applyDecorators(
    ApiParam({
      name: 'code',
      example: 'GM0363',
      schema: { type: 'string', pattern: MUNICIPALITY_CODE_PATTERN.source },
      description: 'CBS municipality code: `GM` and four digits.',
    }),
  );

/** A body or query field that holds a CBS municipality code; the example is shown in the documentation and the message. */
export const IsMunicipalityCode = ({ example = 'GM0106', ...options }: FieldOptions & { example?: string } = {}) =>
  fieldDecorator(
    (name) => [
      ApiProperty({ example, required: !options.optional }),
      Matches(MUNICIPALITY_CODE_PATTERN, { message: `${name} must be a CBS municipality code such as ${example}` }),
    ],
    options,
  );
