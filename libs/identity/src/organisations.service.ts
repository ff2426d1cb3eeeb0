import { Injectable } from '@nestjs/common';
import { isOperator, ScopedDatabase } from '@wmo/tenancy';
import { AuditEventEntity } from '@wmo/tenancy';
import { FindOptionsWhere } from 'typeorm';
import { AuditEventPageDto, ListAuditEventsQuery } from './dto/audit-events.dto';
import { MeDto } from './dto/auth.dto';
import {
  CreateOrganisationDto,
  ListOrganisationsQuery,
  OrganisationDto,
  OrganisationPageDto,
} from './dto/organisations.dto';
import { ApiKeyEntity } from './api-key.entity';
import { toAuditEventDto, toOrganisationDto } from './mappers';
import { OrganisationEntity } from './organisation.entity';
import { organisationNotFound, targetOrganisation } from './users.service';
import { UserEntity } from './user.entity';

@Injectable()
export class OrganisationsService {
  constructor(private readonly db: ScopedDatabase) {}

  me(): Promise<MeDto> {
    return this.db.transaction(async (tx) => {
      const { principal } = tx;
      const organisation = await tx.manager.findOneByOrFail(OrganisationEntity, { id: principal.organisationId });
      const holder =
        principal.kind === 'user'
          ? await tx.manager.findOneByOrFail(UserEntity, { id: principal.id })
          : await tx.manager.findOneByOrFail(ApiKeyEntity, { id: principal.id });
      return {
        id: principal.id,
        kind: principal.kind,
        email: holder instanceof UserEntity ? holder.email : null,
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
      const where: FindOptionsWhere<OrganisationEntity> = {
        ...(query.kind ? { kind: query.kind } : {}),
        ...(isOperator(tx.principal) ? {} : { id: tx.principal.organisationId }),
      };
      const [items, total] = await tx.manager.findAndCount(OrganisationEntity, {
        where,
        order: { kind: 'ASC', name: 'ASC' },
        skip: (query.page - 1) * query.limit,
        take: query.limit,
      });
      return { items: items.map(toOrganisationDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<OrganisationDto> {
    return this.db.transaction(async (tx) => {
      const visible = isOperator(tx.principal) || id === tx.principal.organisationId;
      const organisation = visible ? await tx.manager.findOneBy(OrganisationEntity, { id }) : null;
      if (!organisation) throw organisationNotFound(id);
      return toOrganisationDto(organisation);
    });
  }

  create(dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.db.transaction(async (tx) => {
      const organisation = await tx.manager.save(
        OrganisationEntity,
        tx.manager.create(OrganisationEntity, { kind: dto.kind, name: dto.name.trim(), municipalityCode: null }),
      );
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

  auditEvents(query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.db.transaction(async (tx) => {
      const where: FindOptionsWhere<AuditEventEntity> = {
        ...(query.action ? { action: query.action } : {}),
        ...(isOperator(tx.principal) && !query.organisation
          ? {}
          : { organisationId: await targetOrganisation(tx, query.organisation) }),
      };
      const [items, total] = await tx.manager.findAndCount(AuditEventEntity, {
        where,
        order: { occurredAt: 'DESC', id: 'DESC' },
        skip: (query.page - 1) * query.limit,
        take: query.limit,
      });
      return { items: items.map(toAuditEventDto), total, page: query.page, limit: query.limit };
    });
  }
}
