import { Module } from '@nestjs/common';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';

@Module({ controllers: [OutcomesController], providers: [OutcomesService, OutcomesRepository] })
export class OutcomesModule {}
