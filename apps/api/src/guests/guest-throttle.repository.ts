import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ThrottleCounters } from '../common/throttle/throttle-counters';
import { GuestThrottleEntity } from './guest-throttle.entity';

/** The guest routes' counters (table guest_throttle). */
@Injectable()
export class GuestThrottleRepository extends ThrottleCounters {
  constructor(@InjectRepository(GuestThrottleEntity) rows: Repository<GuestThrottleEntity>) {
    super(rows);
  }
}
