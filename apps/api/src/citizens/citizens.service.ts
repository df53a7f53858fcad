import { Inject, Injectable } from '@nestjs/common';
import type {
  AccessLog,
  AccessLogQuery,
  Citizen,
  CitizenList,
  CitizenSearch,
  Consent,
  ConsentScope,
  CreateCitizen,
  SetConsent,
} from '@tvaers/contracts';
import { uuid } from '@tvaers/contracts';
import { changeConsent, localDate, validateCpr } from '@tvaers/domain';
import { z } from 'zod';
import { AccessService } from '../access/access.service';
import type { Grant } from '../access/grant';
import { Permission } from '../access/permission';
import { AccessLogService } from '../audit/access-log.service';
import { isUniqueViolation } from '../common/database/sql';
import type { StaffActor } from '../common/auth/actor';
import { decodeCursor, pageFrom, pageSize } from '../common/database/keyset';
import { CprCipher } from '../common/crypto/cpr-cipher';
import { notFound, validationFailed } from '../common/problem/problem';
import { citizenExists } from './citizens.errors';
import { toCitizen, toConsents, toIntakeMatch } from './citizens.mapper';
import { CitizensRepository } from './citizens.repository';
import { ConsentEntity } from './consent.entity';

const CPR_MESSAGES = {
  format: 'CPR must be 10 digits (DDMMYY-SSSS)',
  date: 'the first six digits are not a real date',
  future: 'the birth date is after today',
} as const;

/** A search hit's place: the name as stored, then the id. */
const CitizenKey = z.tuple([z.string().max(1000), uuid]);

@Injectable()
export class CitizensService {
  constructor(
    private readonly citizens: CitizensRepository,
    @Inject(CprCipher) private readonly cipher: CprCipher,
    private readonly access: AccessService,
    private readonly accessLogs: AccessLogService,
  ) {}

  private parseCpr(input: string): string {
    const result = validateCpr(input, localDate(new Date()));
    if (!result.ok) throw validationFailed([{ path: 'cpr', message: CPR_MESSAGES[result.reason] }]);
    return result.cpr;
  }

  /**
   * A CPR the unit knows already is one answer, whichever team has the citizen (in reach, waiting for intake, or
   * another team's): 409 `CITIZEN_EXISTS` with nothing of the citizen. The attempt is written to that citizen's
   * access log (`citizen.create.exists`), so a CPR typed to probe the register shows up to the citizen and the DPO.
   */
  async create(actor: StaffActor, input: CreateCitizen): Promise<Citizen> {
    const cpr = this.parseCpr(input.cpr);
    const hash = this.cipher.hash(cpr);
    const outcome = await this.access
      .change<{ existing: string } | { created: string }>(actor, Permission.CitizenCreate, null, async () => {
        const existing = await this.citizens.idByCprHash(hash);
        if (existing) {
          return {
            result: { existing },
            audit: { action: 'citizen.create.exists', citizenId: existing, entityId: existing },
          };
        }
        const created = await this.citizens.insert({
          cprEncrypted: this.cipher.encrypt(cpr),
          cprHash: hash,
          cprBirth: cpr.slice(0, 6),
          name: input.name,
          email: input.email ?? null,
          phone: input.phone ?? null,
          benefit: input.benefit,
          benefitStart: input.benefitStart ?? null,
          registeredById: actor.id,
        });
        return { result: { created: created.id }, audit: { citizenId: created.id, entityId: created.id } };
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? citizenExists() : err;
      });
    if ('existing' in outcome) throw citizenExists();
    return toCitizen((await this.citizens.findById(outcome.created))!);
  }

  /**
   * Name fragment or exact CPR, within the actor's citizens, a page at a time. An exact CPR also finds a citizen
   * with no active case anywhere (intake), as who it is and nothing more; its one or few hits are one page.
   */
  async search(actor: StaffActor, q: CitizenSearch): Promise<CitizenList> {
    const query = (q.q ?? '').trim();
    const after = q.cursor ? decodeCursor(q.cursor, CitizenKey) : undefined;
    const cpr = /^\d{6}-?\d{4}$/.test(query) ? validateCpr(query, localDate(new Date())) : null;
    if (cpr && !cpr.ok) return { items: [], nextCursor: null, total: 0 };
    const hash = cpr?.ok ? this.cipher.hash(cpr.cpr) : null;
    const size = pageSize(q.limit);
    const page = await this.access.page(
      actor,
      Permission.CitizenSearch,
      { nextCursor: null, total: 0 },
      async (scope) => {
        if (hash) {
          const hits = await this.citizens.findByCprHash(scope, hash);
          return { items: hits, nextCursor: null, total: hits.length };
        }
        const hits = await this.citizens.searchByName(scope, query, { after, limit: size + 1 });
        return { ...pageFrom(hits, size, (r) => [r.name, r.id]), total: await this.citizens.countByName(scope, query) };
      },
      (r) => ({ citizenId: r.id, entityId: r.id }),
    );
    return { ...page, items: page.items.map((r) => (r.visible ? toCitizen(r) : toIntakeMatch(r))) };
  }

  async get(actor: StaffActor, id: string): Promise<Citizen> {
    await this.access.require(actor, Permission.CitizenRead, id);
    const row = await this.citizens.findById(id);
    if (!row) throw notFound('Citizen');
    return toCitizen(row);
  }

  /** The one place a full CPR leaves the system: deliberate, with a reason, audited. */
  async revealCpr(actor: StaffActor, id: string, reason: string): Promise<string> {
    await this.access.require(actor, Permission.CitizenRevealCpr, id, reason);
    const row = await this.citizens.findById(id);
    if (!row) throw notFound('Citizen');
    // An anonymised citizen's CPR is gone (retention).
    if (!row.cprEncrypted) throw notFound('CPR');
    return this.cipher.decrypt(row.cprEncrypted);
  }

  /**
   * The citizen's name and birth date (from the CPR's first seven digits, as the register defines the century),
   * for a reader whose access was already granted and logged (a guest link's holder: the doctor, the citizen).
   * The CPR itself never leaves.
   */
  async identity(grant: Grant): Promise<{ name: string; birthDate: string } | null> {
    const row = await this.citizens.findById(grant.citizenId);
    if (!row?.cprEncrypted) return null;
    const cpr = validateCpr(this.cipher.decrypt(row.cprEncrypted), localDate(new Date()));
    return cpr.ok ? { name: row.name, birthDate: cpr.birthDate } : null;
  }

  /** Who read or changed this citizen's data; reading it is itself logged. */
  async accessLog(actor: StaffActor, citizenId: string, q: AccessLogQuery): Promise<AccessLog> {
    await this.access.require(actor, Permission.AccessLogRead, citizenId);
    return this.accessLogs.page(citizenId, q);
  }

  async consents(actor: StaffActor, citizenId: string): Promise<Consent[]> {
    await this.access.require(actor, Permission.ConsentRead, citizenId);
    return toConsents(await this.citizens.findConsents(citizenId));
  }

  async setConsent(actor: StaffActor, citizenId: string, scope: ConsentScope, input: SetConsent): Promise<Consent> {
    const row = await this.access.change(actor, Permission.ConsentWrite, citizenId, async () => {
      const existing = await this.citizens.lockConsent(citizenId, scope);
      const next = Object.assign(existing ?? new ConsentEntity(), {
        citizenId,
        scope,
        ...changeConsent(existing, input.given, new Date()),
        recordedById: actor.id,
        recordedByName: actor.name,
        note: input.note ?? existing?.note ?? null,
      });
      await this.citizens.saveConsent(next);
      return {
        result: next,
        audit: { action: input.given ? 'consent.give' : 'consent.withdraw', entityId: null, details: { scope } },
      };
    });
    return toConsents([row]).find((c) => c.scope === scope)!;
  }

  /** Retention: name, CPR, contact details and consent notes go; the ids of the citizens anonymised. */
  anonymiseCitizens(due: string[]): Promise<string[]> {
    return this.citizens.anonymiseCitizens(due);
  }
}
