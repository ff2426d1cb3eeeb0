import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@wmo/config';
import { todayInAmsterdam } from '@wmo/domain';
import { JobQueue } from '@wmo/jobs';
import { ComplianceEvaluator, EVALUATION_QUEUE, EvaluationJob } from './compliance-evaluator';

export const EVALUATE_HERE = Symbol('EVALUATE_HERE');
const HOUR_MS = 3_600_000;

/**
 * In a worker process: works the evaluation queue, and asks for today's evaluation a while after
 * start (EVALUATION_START_DELAY_SECONDS, a minute by default, so that a process that starts and
 * stops at once, a deploy, does no evaluation) and then every hour. One job per day however many
 * workers ask; the day's row makes it run once.
 */
@Injectable()
export class EvaluationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ComplianceEvaluation');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly evaluator: ComplianceEvaluator,
    private readonly config: AppConfig,
    @Inject(EVALUATE_HERE) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.work<EvaluationJob>(EVALUATION_QUEUE, 5, async ({ day }) => {
      await this.evaluator.evaluate(day, false);
    });
    const first = setTimeout(() => {
      void this.requestToday();
      const hourly = setInterval(() => void this.requestToday(), HOUR_MS);
      hourly.unref();
      this.timers.push(hourly);
    }, this.config.EVALUATION_START_DELAY_SECONDS * 1000);
    first.unref();
    this.timers = [first];
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private async requestToday(): Promise<void> {
    const day = todayInAmsterdam();
    try {
      await this.jobs.send<EvaluationJob>(null, EVALUATION_QUEUE, { day }, { singletonKey: `evaluation-${day}` });
    } catch (error) {
      this.logger.error({ err: error, day }, 'Could not queue the daily compliance evaluation');
    }
  }
}
