import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleRepository } from './people.repository';
import { StaffEntity } from './staff.entity';
import { TeamEntity } from './team.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StaffEntity, TeamEntity])],
  providers: [PeopleRepository],
  exports: [PeopleRepository],
})
export class PeopleModule {}
