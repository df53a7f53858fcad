import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module';
import { AbsenceEntity } from './absence.entity';
import { AvailabilityController } from './availability.controller';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { WorkingHoursController } from './working-hours.controller';
import { WorkingHoursEntity } from './working-hours.entity';

export const availabilityEntities = [WorkingHoursEntity, AbsenceEntity];

@Module({
  imports: [TypeOrmModule.forFeature(availabilityEntities), MeetingsModule],
  controllers: [AvailabilityController, WorkingHoursController],
  providers: [AvailabilityService, AvailabilityRepository],
})
export class AvailabilityModule {}
