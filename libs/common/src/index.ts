export * from './assert-unreachable';
export * from './domain-error';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './api-problem-responses.decorator';
export * from './transforms';
export * from './iso-date.validator';
