import type { PolicyId } from '../core/pack'
import type { Parameter } from '../core/parameter'
import type { PostingRules, Selector } from '../posting/types'
import type { OneHospitalTeam, PairsPerHospital, TeamComposition } from './types'

/** What a pack says about teams beyond its posting provisions: composition, one hospital per team, pairs per hospital. */
export interface ComplianceData {
  composition: { when: Selector; rule: Parameter<TeamComposition> }[]
  oneHospital: { when: Selector; rule: Parameter<OneHospitalTeam> }[]
  pairsPerHospital: { when: Selector; rule: Parameter<PairsPerHospital> }[]
}

/**
 * Everything the compliance evaluators read of one pack, passed in as data: its period, its posting rules and its
 * team data. A successor document continues a pack by handing in its own period and values; no evaluator looks a
 * pack up by name.
 */
export interface CompliancePack {
  policyId: PolicyId
  period: Parameter<true>
  posting: PostingRules
  teams: ComplianceData
}

export const NO_TEAM_DATA: ComplianceData = { composition: [], oneHospital: [], pairsPerHospital: [] }
