import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { WeeklyInterval } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { ChannelKind } from './contracts.constants';
import { ChannelClosureEntity, ServiceChannelEntity, ServiceEntity } from './catalogue.entities';

export interface NewClosure {
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/**
 * The service, service_channel and channel_closure tables: what a provider delivers toward a
 * duty, its channels with weekly hours, and their dated closures. One aggregate: channels and
 * closures are written and read with their service.
 */
@Injectable()
export class ServiceRepository {
  findByIds(tx: Transaction, ids: readonly string[]): Promise<ServiceEntity[]> {
    return ids.length ? tx.manager.findBy(ServiceEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /** A provider's services with their channels and closures, by name. */
  forProvider(tx: Transaction, providerId: string): Promise<ServiceEntity[]> {
    return tx.manager.find(ServiceEntity, {
      where: { providerId },
      relations: { channels: { closures: true } },
      order: { name: 'ASC' },
    });
  }

  /** One service of a provider with its channels and closures. */
  findWithChannels(tx: Transaction, providerId: string, serviceId: string): Promise<ServiceEntity | null> {
    return tx.manager.findOne(ServiceEntity, {
      where: { id: serviceId, providerId },
      relations: { channels: { closures: true } },
    });
  }

  insertService(
    tx: Transaction,
    service: { providerId: string; dutyCode: string; name: string; description: string | null },
  ): Promise<ServiceEntity> {
    return tx.manager.save(ServiceEntity, tx.manager.create(ServiceEntity, service));
  }

  insertChannel(
    tx: Transaction,
    channel: {
      serviceId: string;
      providerId: string;
      kind: ChannelKind;
      contact: string | null;
      schedule: WeeklyInterval[];
    },
  ): Promise<ServiceChannelEntity> {
    return tx.manager.save(ServiceChannelEntity, tx.manager.create(ServiceChannelEntity, channel));
  }

  async insertClosure(tx: Transaction, closure: NewClosure & { channelId: string; providerId: string }): Promise<void> {
    await tx.manager.insert(ChannelClosureEntity, closure);
  }

  async updateService(
    tx: Transaction,
    service: { id: string; providerId: string; name: string; description: string | null },
  ): Promise<void> {
    await tx.manager.update(
      ServiceEntity,
      { id: service.id, providerId: service.providerId },
      { name: service.name, description: service.description },
    );
  }

  async updateChannel(
    tx: Transaction,
    channel: { id: string; providerId: string; contact: string | null; schedule: WeeklyInterval[] },
  ): Promise<void> {
    await tx.manager.update(
      ServiceChannelEntity,
      { id: channel.id, providerId: channel.providerId },
      { contact: channel.contact, schedule: channel.schedule },
    );
  }

  async deleteClosure(tx: Transaction, providerId: string, id: string): Promise<void> {
    await tx.manager.delete(ChannelClosureEntity, { id, providerId });
  }

  async endClosure(tx: Transaction, providerId: string, id: string, endsAt: Date): Promise<void> {
    await tx.manager.update(ChannelClosureEntity, { id, providerId }, { endsAt });
  }

  /** Seeding: a provider's service by name. */
  findByName(tx: Transaction, providerId: string, name: string): Promise<ServiceEntity | null> {
    return tx.manager.findOneBy(ServiceEntity, { providerId, name });
  }
}
