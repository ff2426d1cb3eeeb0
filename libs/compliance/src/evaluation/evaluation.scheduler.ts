import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { todayInAmsterdam } from '@wmo/domain';
import { JobQueue } from '@wmo/jobs';
import { ComplianceEvaluator, EVALUATION_QUEUE, EvaluationJob } from './compliance-evaluator';

export const EVALUATE_HERE = Symbol('EVALUATE_HERE');
const HOUR_MS = 3_600_000;

/**
 * In a worker process: works the evaluation queue, and asks for today's evaluation at start and
 * every hour (one job per day however many workers ask; the day's row makes it run once).
 */
@Injectable()
export class EvaluationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ComplianceEvaluation');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly evaluator: ComplianceEvaluator,
    @Inject(EVALUATE_HERE) private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.work<EvaluationJob>(EVALUATION_QUEUE, 5, async ({ day }) => {
      await this.evaluator.evaluate(day, false);
    });
    await this.requestToday();
    this.timer = setInterval(() => void this.requestToday(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
