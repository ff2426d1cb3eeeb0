export * from './contract-children.entity';
export { ContractIdParam } from './dto/contracts.dto';
export { WeeklyIntervalDto } from './dto/providers.dto';
export * from './contract.entity';
export * from './contracts.constants';
export * from './contracts.errors';
export * from './contracts.module';
export * from './contracts.service';
export * from './coverage';
export * from './duty.entity';
export * from './participants.service';
export * from './provider.entity';
export * from './providers.service';
export * from './service.entity';

