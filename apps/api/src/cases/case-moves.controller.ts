import { AssignmentSuggestionList, MoveCases, MovedCases, MoveSuggestionsQuery } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { ZBody, ZQuery } from '../common/validation/zod';
import { CasesService } from './cases.service';

const MANAGER_MOVES = { 403: 'Only a manager moves cases between colleagues', 404: 'A case not within your teams' };

/** The dashboard's moves: a manager gives several of a colleague's cases to another at once. */
@StaffController('caseload')
export class CaseMovesController {
  constructor(private readonly cases: CasesService) {}

  @Endpoint('POST moves', {
    summary:
      'Move cases of one team to a colleague, all or none: the ceiling rule applies to their summed weight, each case is logged as an assignment',
    response: [200, MovedCases],
    problems: {
      ...MANAGER_MOVES,
      400: 'Cases of more than one team, a closed case, or a colleague who is not in the cases’ team',
      409: 'The caseload ceiling would be passed (the problem suggests colleagues with room for all the cases)',
    },
  })
  async moveCases(@Actor() actor: StaffActor, @ZBody(MoveCases) body: MoveCases): Promise<MovedCases> {
    return { items: await this.cases.move(actor, body) };
  }

  @Endpoint('GET move-suggestions', {
    summary:
      'Colleagues with room for these cases together: same discipline, who knows one of the citizens, lowest utilisation first',
    response: [200, AssignmentSuggestionList],
    problems: {
      ...MANAGER_MOVES,
      400: 'Cases of more than one team, or a closed case',
    },
  })
  async listMoveSuggestions(
    @Actor() actor: StaffActor,
    @ZQuery(MoveSuggestionsQuery) query: { caseIds: string[] },
  ): Promise<AssignmentSuggestionList> {
    return { items: await this.cases.moveSuggestions(actor, query.caseIds) };
  }
}
