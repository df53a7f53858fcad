import { Module } from '@nestjs/common';
import { WorklistController } from './worklist.controller';
import { WorklistRepository } from './worklist.repository';
import { WorklistService } from './worklist.service';

@Module({
  controllers: [WorklistController],
  providers: [WorklistService, WorklistRepository],
})
export class WorklistModule {}
