import { Module } from '@nestjs/common';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { CoverageRegistry } from './coverage';
import { ParticipantsService } from './participants.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({
  controllers: [ProvidersController, ContractsController],
  providers: [ProvidersService, ContractsService, ParticipantsService, CoverageRegistry],
  exports: [ContractsService, ParticipantsService, ProvidersService, CoverageRegistry],
})
export class ContractsModule {}
