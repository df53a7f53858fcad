import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ThrottleCounters } from '../common/throttle/throttle-counters';
import { LoginThrottleEntity } from './login-throttle.entity';

/** The login throttle's counters (table login_throttle). */
@Injectable()
export class LoginThrottleRepository extends ThrottleCounters {
  constructor(@InjectRepository(LoginThrottleEntity) rows: Repository<LoginThrottleEntity>) {
    super(rows);
  }
}
