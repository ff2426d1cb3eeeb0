import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, webhookPrivateTargetsAllowed } from '@wmo/config';
import { JobQueue } from '@wmo/jobs';
import { EventPublisher } from './event-publisher';
import { NotificationsController, WebhooksController } from './notifications.controller';
import { NotificationReadRepository } from './notification-read.repository';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { WEBHOOK_QUEUE, WebhookJob } from './webhook-queue';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { WebhooksService } from './webhooks.service';

const DELIVER_HERE = Symbol('DELIVER_HERE');

/** Works webhook deliveries in this process when it is a worker. */
@Injectable()
class WebhookWorker implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly deliverer: WebhookDeliverer,
    @Inject(DELIVER_HERE) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.work<WebhookJob>(WEBHOOK_QUEUE, 1, ({ deliveryId }, job) =>
      this.deliverer.deliver(deliveryId, job.retryCount),
    );
    new Logger('Webhooks').log('Delivering webhooks');
  }
}

/** The notification options from the configuration; `worker` says whether this process delivers webhooks. */
export function notificationsOptions(config: AppConfig, worker: boolean): NotificationsModuleOptions {
  return {
    webhooks: {
      allowHttp: config.NODE_ENV !== 'production',
      allowPrivateAddresses: webhookPrivateTargetsAllowed(config),
      retryLimit: config.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: config.WEBHOOK_RETRY_DELAY_SECONDS,
      timeoutMs: 10_000,
    },
    worker,
  };
}

export interface NotificationsModuleOptions {
  webhooks: WebhookOptions;
  worker: boolean;
  controllers?: boolean;
}

/**
 * Notifications, webhooks and their deliveries. Global: every library that writes events injects
 * the EventPublisher, the outbox in its own transaction.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: options.controllers === false ? [] : [NotificationsController, WebhooksController],
      providers: [
        { provide: WEBHOOK_OPTIONS, useValue: options.webhooks },
        { provide: DELIVER_HERE, useValue: options.worker },
        NotificationRepository,
        NotificationReadRepository,
        WebhookSubscriptionRepository,
        WebhookDeliveryRepository,
        EventPublisher,
        NotificationsService,
        WebhooksService,
        WebhookDeliverer,
        WebhookWorker,
      ],
      exports: [EventPublisher],
    };
  }
}
