export { JobsModule, JobQueue, JobInterrupted, prepareJobQueue } from './job-queue';
export type { JobContext, JobQueueOptions, QueueDefinition, SendOptions } from './job-queue';
