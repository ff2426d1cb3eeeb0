import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblemResponses } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @RouteRoles('GET /health')
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOperation({ summary: 'Liveness and readiness: checks the database with a ping' })
  @ApiOkResponse({
    description: 'Healthy.',
    schema: {
      example: {
        status: 'ok',
        info: { database: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' } },
      },
    },
  })
  @ApiProblemResponses([503, 'The database does not answer; `checks` holds the state of each check.'])
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
