import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { PeopleModule } from '../people/people.module';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({
  imports: [PeopleModule, AuthModule, CasesModule],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
