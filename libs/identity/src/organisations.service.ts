import { Injectable } from '@nestjs/common';
import { containsPattern, parseSort, RequestValidationError } from '@wmo/common';
import { isOperator, listAuditEvents, ScopedDatabase } from '@wmo/tenancy';
import { ApiKeyRepository } from './api-key.repository';
import { AuditEventPageDto, ListAuditEventsQuery } from './dto/audit-events.dto';
import { MeDto } from './dto/auth.dto';
import {
  CreateOrganisationDto,
  ListOrganisationsQuery,
  OrganisationDto,
  OrganisationPageDto,
} from './dto/organisations.dto';
import { organisationNotFound } from './identity.errors';
import { toAuditEventDto, toOrganisationDto } from './mappers';
import { OrganisationRepository } from './organisation.repository';
import { resolveTargetOrganisation } from './target-organisation';
import { UserRepository } from './user.repository';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  me(): Promise<MeDto> {
    return this.db.transaction(async (tx) => {
      const { principal } = tx;
      const organisation = await this.organisations.getById(tx, principal.organisationId);
      const user = principal.kind === 'user' ? await this.users.findById(tx, principal.id) : null;
      const key = principal.kind === 'api-key' ? await this.apiKeys.findById(tx, principal.id) : null;
      const holder = user ?? key;
      if (!holder) throw new Error(`The ${principal.kind} ${principal.id} of a valid credential does not exist`);
      return {
        id: principal.id,
        kind: principal.kind,
        email: user?.email ?? null,
        name: holder.name,
        roles: principal.roles,
        organisation: {
          id: organisation.id,
          kind: organisation.kind,
          name: organisation.name,
          municipalityCode: organisation.municipalityCode,
        },
      };
    });
  }

  /** An operator sees every organisation; anyone else only their own (row-level security agrees). */
  list(query: ListOrganisationsQuery): Promise<OrganisationPageDto> {
    return this.db.transaction(async (tx) => {
      const filter = { kind: query.kind, id: isOperator(tx.principal) ? undefined : tx.principal.organisationId };
      const [items, total] = await this.organisations.page(tx, filter, query.page, query.limit);
      return { items: items.map(toOrganisationDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<OrganisationDto> {
    return this.db.transaction(async (tx) => {
      const visible = isOperator(tx.principal) || id === tx.principal.organisationId;
      const organisation = visible ? await this.organisations.findById(tx, id) : null;
      if (!organisation) throw organisationNotFound(id);
      return toOrganisationDto(organisation);
    });
  }

  create(dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisations.insert(tx, { kind: dto.kind, name: dto.name.trim() });
      await tx.audit({
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        organisationId: organisation.id,
        after: { kind: organisation.kind, name: organisation.name },
      });
      return toOrganisationDto(organisation);
    });
  }

  /** The audit log: an ORG_ADMIN reads the own organisation's, an operator all or one organisation's. */
  auditEvents(query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.db.transaction(async (tx) => {
      const organisationId =
        isOperator(tx.principal) && !query.organisation
          ? null
          : await resolveTargetOrganisation(tx, this.organisations, query.organisation);
      if (query.from && query.to && query.from > query.to)
        throw new RequestValidationError([{ field: 'to', message: 'to must be the same day as from or later' }]);
      const [items, total] = await listAuditEvents(tx, {
        organisationId,
        action: query.action,
        actor: query.actor,
        from: query.from,
        to: query.to,
        pattern: containsPattern(query.q),
        descending: parseSort(query.sort).descending,
        page: query.page,
        limit: query.limit,
      });
      return { items: items.map(toAuditEventDto), total, page: query.page, limit: query.limit };
    });
  }
}
