import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizenRequestEntity } from './citizen-request.entity';
import { ExemptionEntity } from './exemption.entity';
import { RequestsController } from './requests.controller';
import { RequestsRepository } from './requests.repository';
import { RequestsService } from './requests.service';

export const requestsEntities = [CitizenRequestEntity, ExemptionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(requestsEntities)],
  controllers: [RequestsController],
  providers: [RequestsService, RequestsRepository],
  exports: [RequestsService],
})
export class RequestsModule {}
