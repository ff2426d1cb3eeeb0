import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { ApiMunicipalityCode, MunicipalityCode } from '@wmo/reference-data';
import { RouteRoles } from '@wmo/tenancy';
import { AmendmentsService } from './amendments.service';
import { ContractLifecycleService } from './contract-lifecycle.service';
import { ContractsService } from './contracts.service';
import {
  AmendmentDto,
  AmendmentResultDto,
  ContractDto,
  ContractIdParam,
  ContractPageDto,
  CreateAmendmentDto,
  CreateContractDto,
  ListContractsQuery,
  MunicipalityContractDto,
  MunicipalityContractsQuery,
  TariffDto,
  TariffInputDto,
  TerminateContractDto,
  TerminatedContractDto,
  UpdateContractDto,
} from './dto/contracts.dto';
import {
  AddExceptionDto,
  AddedExceptionDto,
  AddParticipantDto,
  EndedParticipantDto,
  EndParticipationQuery,
  EnrolmentResultDto,
  ExceptionDto,
  ListParticipantsQuery,
  ParticipantListDto,
  ParticipantParams,
  RollOverQuery,
  RollOverResultDto,
} from './dto/participants.dto';
import { ExceptionsService } from './exceptions.service';
import { MunicipalityContractsService } from './municipality-contracts.service';
import { ParticipantsService } from './participants.service';
import { RollOverService } from './roll-over.service';

const REACHES_BACK =
  "A change that reaches back into a period with issued documents answers with `billingImpact`: the documents concerned and what is now due against what was billed, per municipality, with the reasons. When money differs, the supplier's FINANCE and the contracting party's managers are notified and `billing.difference` is sent; `POST /contracts/{id}/correction-runs` corrects it.";
const MANAGED =
  'Only the contracting party changes a contract: a CONTRACT_MANAGER of the VNG for a collective one, an ORG_ADMIN of the municipality for its own.';

@ApiTags('Contracts')
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly lifecycle: ContractLifecycleService,
    private readonly amendmentsAndTariffs: AmendmentsService,
    private readonly participants: ParticipantsService,
    private readonly exceptionList: ExceptionsService,
    private readonly rollOvers: RollOverService,
    private readonly municipalityContracts: MunicipalityContractsService,
  ) {}

  @Get('contracts')
  @RouteRoles('GET /api/v1/contracts')
  @ApiOperation({
    summary: 'Contracts you can see',
    description: 'Your own, the ones you supply, and the ones your municipality takes part in.',
  })
  @ApiOkResponse({ type: ContractPageDto })
  @ApiProblemResponses(400)
  list(@Query() query: ListContractsQuery): Promise<ContractPageDto> {
    return this.contracts.list(query);
  }

  @Post('contracts')
  @RouteRoles('POST /api/v1/contracts')
  @ApiOperation({
    summary: 'Create a contract (as a draft)',
    description: 'COLLECTIVE: a CONTRACT_MANAGER of the VNG. INDIVIDUAL: an ORG_ADMIN of the municipality itself.',
  })
  @ApiCreatedResponse({ type: ContractDto })
  @ApiProblemResponses(400, 404, 409)
  create(@Body() dto: CreateContractDto): Promise<ContractDto> {
    return this.contracts.create(dto);
  }

  @Get('contracts/:id')
  @RouteRoles('GET /api/v1/contracts/:id')
  @ApiOperation({ summary: 'One contract' })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: ContractIdParam): Promise<ContractDto> {
    return this.contracts.get(id);
  }

  @Patch('contracts/:id')
  @RouteRoles('PATCH /api/v1/contracts/:id')
  @ApiOperation({
    summary: 'Edit a draft contract',
    description: 'An active contract changes only through dated amendments (409).',
  })
  @ApiOkResponse({ type: ContractDto })
  @ApiProblemResponses(400, 404, [409, 'The contract is no longer a draft.'])
  update(@Param() { id }: ContractIdParam, @Body() dto: UpdateContractDto): Promise<ContractDto> {
    return this.contracts.update(id, dto);
  }

  @Post('contracts/:id/activate')
  @RouteRoles('POST /api/v1/contracts/:id/activate')
  @ApiOperation({ summary: 'Activate a draft', description: MANAGED })
  @ApiCreatedResponse({ type: ContractDto })
  @ApiProblemResponses(
    400,
    404,
    [409, 'Not a draft, or a participant is covered by another active contract.'],
    [422, 'No service, or no tariff from the start.'],
  )
  activate(@Param() { id }: ContractIdParam, @Query() _query: NoQueryParams): Promise<ContractDto> {
    return this.lifecycle.activate(id);
  }

  @Post('contracts/:id/terminate')
  @RouteRoles('POST /api/v1/contracts/:id/terminate')
  @ApiOperation({ summary: 'Terminate an active contract early', description: REACHES_BACK })
  @ApiCreatedResponse({ type: TerminatedContractDto })
  @ApiProblemResponses(400, 404, 409, 422)
  terminate(@Param() { id }: ContractIdParam, @Body() dto: TerminateContractDto): Promise<TerminatedContractDto> {
    return this.lifecycle.terminate(id, dto);
  }

  @Get('contracts/:id/amendments')
  @RouteRoles('GET /api/v1/contracts/:id/amendments')
  @ApiOperation({ summary: "A contract's amendments, in order" })
  @ApiOkResponse({ type: [AmendmentDto] })
  @ApiProblemResponses(400, 404)
  amendments(@Param() { id }: ContractIdParam): Promise<AmendmentDto[]> {
    return this.amendmentsAndTariffs.amendments(id);
  }

  @Post('contracts/:id/amendments')
  @RouteRoles('POST /api/v1/contracts/:id/amendments')
  @ApiOperation({
    summary: 'Amend an active contract from a date: tariff, end date, payment term or services',
    description: REACHES_BACK,
  })
  @ApiCreatedResponse({ type: AmendmentResultDto })
  @ApiProblemResponses(400, 404, 409, 422)
  amend(@Param() { id }: ContractIdParam, @Body() dto: CreateAmendmentDto): Promise<AmendmentResultDto> {
    return this.amendmentsAndTariffs.amend(id, dto);
  }

  @Get('contracts/:id/tariffs')
  @RouteRoles('GET /api/v1/contracts/:id/tariffs')
  @ApiOperation({ summary: "A contract's tariffs" })
  @ApiOkResponse({ type: [TariffDto] })
  @ApiProblemResponses(400, 404)
  tariffs(@Param() { id }: ContractIdParam): Promise<TariffDto[]> {
    return this.amendmentsAndTariffs.tariffs(id);
  }

  @Post('contracts/:id/tariffs')
  @RouteRoles('POST /api/v1/contracts/:id/tariffs')
  @ApiOperation({
    summary: 'Add a tariff to a draft',
    description: 'Tariffs never overlap (409). On an active contract, use an amendment.',
  })
  @ApiCreatedResponse({ type: TariffDto })
  @ApiProblemResponses(400, 404, 409, 422)
  addTariff(@Param() { id }: ContractIdParam, @Body() dto: TariffInputDto): Promise<TariffDto> {
    return this.amendmentsAndTariffs.addTariff(id, dto);
  }

  @Get('contracts/:id/participants')
  @RouteRoles('GET /api/v1/contracts/:id/participants')
  @ApiOperation({
    summary: 'Participations, a page at a time: by default those taking part today',
    description:
      '`status` is read on `date` (default today in Europe/Amsterdam): `active` taking part that day, `ended` ended before it, `future` starting after it, `all`. One row per participation: a municipality that left and came back has two.',
  })
  @ApiOkResponse({ type: ParticipantListDto })
  @ApiProblemResponses(400, 404)
  participantList(
    @Param() { id }: ContractIdParam,
    @Query() query: ListParticipantsQuery,
  ): Promise<ParticipantListDto> {
    return this.participants.list(id, query);
  }

  @Post('contracts/:id/participants')
  @RouteRoles('POST /api/v1/contracts/:id/participants')
  @ApiOperation({
    summary: 'Enrol a municipality, or all municipalities of a year that are not excepted',
    description: `409 when excepted or covered by another contract for the duty, naming it. ${REACHES_BACK}`,
  })
  @ApiCreatedResponse({ type: EnrolmentResultDto })
  @ApiProblemResponses(400, 404, 409, [422, 'Outside the contract term, or the municipality did not exist then.'])
  addParticipant(@Param() { id }: ContractIdParam, @Body() dto: AddParticipantDto): Promise<EnrolmentResultDto> {
    return this.participants.add(id, dto);
  }

  @Delete('contracts/:id/participants/:code')
  @RouteRoles('DELETE /api/v1/contracts/:id/participants/:code')
  @ApiOperation({ summary: "End a municipality's participation on a date (inclusive)", description: REACHES_BACK })
  @ApiOkResponse({ type: EndedParticipantDto })
  @ApiProblemResponses(400, 404)
  endParticipant(
    @Param() { id, code }: ParticipantParams,
    @Query() query: EndParticipationQuery,
  ): Promise<EndedParticipantDto> {
    return this.participants.end(id, code, query.endDate);
  }

  @Post('contracts/:id/participants/roll-over')
  @RouteRoles('POST /api/v1/contracts/:id/participants/roll-over')
  @ApiOperation({
    summary: "After the mergers of a year, continue the predecessors' participation",
    description: `Reports predecessors with conflicting contracts instead of guessing. ${REACHES_BACK}`,
  })
  @ApiCreatedResponse({ type: RollOverResultDto })
  @ApiProblemResponses(400, 404, 409)
  rollOver(@Param() { id }: ContractIdParam, @Query() query: RollOverQuery): Promise<RollOverResultDto> {
    return this.rollOvers.rollOver(id, query.year);
  }

  @Get('contracts/:id/exceptions')
  @RouteRoles('GET /api/v1/contracts/:id/exceptions')
  @ApiOperation({ summary: 'Municipalities excepted from a collective contract' })
  @ApiOkResponse({ type: [ExceptionDto] })
  @ApiProblemResponses(400, 404)
  exceptions(@Param() { id }: ContractIdParam): Promise<ExceptionDto[]> {
    return this.exceptionList.exceptions(id);
  }

  @Post('contracts/:id/exceptions')
  @RouteRoles('POST /api/v1/contracts/:id/exceptions')
  @ApiOperation({
    summary: 'Except a municipality (e.g. G4: own contract) or record an opt-out',
    description: REACHES_BACK,
  })
  @ApiCreatedResponse({ type: AddedExceptionDto })
  @ApiProblemResponses(400, 404, 409)
  addException(@Param() { id }: ContractIdParam, @Body() dto: AddExceptionDto): Promise<AddedExceptionDto> {
    return this.exceptionList.addException(id, dto);
  }

  @Get('municipalities/:code/contracts')
  @RouteRoles('GET /api/v1/municipalities/:code/contracts')
  @ApiMunicipalityCode()
  @ApiOperation({ summary: 'The contracts covering a municipality on a date, with the tariff in force' })
  @ApiOkResponse({ type: [MunicipalityContractDto] })
  @ApiProblemResponses(400, 404)
  forMunicipality(
    @MunicipalityCode() code: string,
    @Query() query: MunicipalityContractsQuery,
  ): Promise<MunicipalityContractDto[]> {
    return this.municipalityContracts.forMunicipality(code, query.date);
  }
}
