import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { CreateUserDto, IdParam, ListUsersQuery, UpdateUserDto, UserDto, UserPageDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('Users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RouteRoles('GET /api/v1/users')
  @ApiOperation({ summary: 'Users of your organisation' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblemResponses(400, 404)
  list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Post()
  @RouteRoles('POST /api/v1/users')
  @ApiOperation({
    summary: 'Create a user in your organisation',
    description: 'Roles must fit the kind of organisation; only an OPERATOR grants OPERATOR.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblemResponses(
    400,
    404,
    [409, 'The e-mail address already has an account.'],
    [422, 'A role that does not fit.'],
  )
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto);
  }

  @Get(':id')
  @RouteRoles('GET /api/v1/users/:id')
  @ApiOperation({ summary: 'One user of your organisation' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: IdParam): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RouteRoles('PATCH /api/v1/users/:id')
  @ApiOperation({
    summary: 'Change name or roles, or (de)activate a user',
    description: "Deactivating, or changing roles, ends the user's sessions.",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 404, [409, 'You cannot deactivate yourself or drop your own ORG_ADMIN role.'], 422)
  update(@Param() { id }: IdParam, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, dto);
  }
}
