import { Inject, Injectable } from '@nestjs/common';
import type {
  CitizenRequest,
  CreateCitizenRequest,
  CreateExemption,
  DecideCitizenRequest,
  Exemption,
} from '@tvaers/contracts';
import { decisionDeadline, exemptionPeriod } from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { notFound, validationFailed } from '../common/problem/problem';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { exemptionRejected, requestAlreadyDecided } from './requests.errors';
import { toExemption, toRequest } from './requests.mapper';
import { RequestsRepository } from './requests.repository';

/** The citizen's rights as written decisions: requests for an effort or a conversation, and exemptions. */
@Injectable()
export class RequestsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: RequestsRepository,
    private readonly access: AccessService,
  ) {}

  async listRequests(actor: StaffActor, caseId: string): Promise<CitizenRequest[]> {
    await this.access.require(actor, Permission.RequestsRead, caseId);
    return (await this.repo.listRequests(caseId)).map(toRequest);
  }

  async createRequest(actor: StaffActor, caseId: string, input: CreateCitizenRequest): Promise<CitizenRequest> {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) {
      throw validationFailed([{ path: 'receivedAt', message: 'must not be in the future' }]);
    }
    const saved = await this.access.change(actor, Permission.RequestsWrite, caseId, async () => {
      const r = await this.repo.saveRequest({
        caseId,
        kind: input.kind,
        description: input.description,
        receivedAt,
        decisionDue: decisionDeadline(receivedAt, this.config.decisionDays).dueDate,
        recordedById: actor.id,
      });
      return { result: r, audit: { entityId: r.id } };
    });
    return toRequest(saved);
  }

  async decide(
    actor: StaffActor,
    caseId: string,
    requestId: string,
    input: DecideCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.access.change(actor, Permission.RequestsWrite, caseId, async () => {
      if (!(await this.repo.findRequest(caseId, requestId))) throw notFound('Request');
      const ok = await this.repo.decide(requestId, {
        decision: input.decision,
        decisionReason: input.reason,
        decidedAt: new Date(),
        decidedById: actor.id,
        decidedByName: actor.name,
      });
      if (!ok) throw requestAlreadyDecided();
      return {
        result: toRequest((await this.repo.findRequest(caseId, requestId))!),
        audit: { action: 'request.decide', entityId: requestId, details: { decision: input.decision } },
      };
    });
  }

  async listExemptions(actor: StaffActor, caseId: string): Promise<Exemption[]> {
    await this.access.require(actor, Permission.ExemptionsRead, caseId);
    return (await this.repo.listExemptions(caseId)).map(toExemption);
  }

  async createExemption(actor: StaffActor, caseId: string, input: CreateExemption): Promise<Exemption> {
    const check = exemptionPeriod(input.startDate, input.endDate);
    if (!check.ok) throw exemptionRejected(check.code, check.latestEndDate);
    const e = await this.access.change(actor, Permission.ExemptionsWrite, caseId, async () => {
      const saved = await this.repo.saveExemption({
        caseId,
        ...input,
        decidedById: actor.id,
        decidedByName: actor.name,
      });
      return { result: saved, audit: { entityId: saved.id, purpose: input.reason } };
    });
    return toExemption(e);
  }

  /** Retention, in the caller's transaction (a system change: no actor, no access-log row of its own). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.repo.anonymiseCitizens(citizenIds);
  }
}
