import type { PolicyId } from '../core/pack'
import { type ComplianceData, type CompliancePack, NO_TEAM_DATA } from '../compliance/pack'
import { HENAN_TEAMS } from './henan-2015/compliance'
import type { Successor } from '../core/successor'
import { continuedData, continuedRules } from './continued'
import { YANTAI_TEAMS } from './yantai-2024/compliance'
import { ZHEJIANG_TEAMS } from './zhejiang-2014/compliance'

/** Each seed pack's team data (composition, one hospital per team, pairs per hospital). */
export const TEAM_DATA: Record<PolicyId, ComplianceData> = {
  'henan-2015': HENAN_TEAMS,
  'sichuan-2017': NO_TEAM_DATA,
  'zhejiang-2014': ZHEJIANG_TEAMS,
  'changchun-2011': NO_TEAM_DATA,
  'yantai-2024': YANTAI_TEAMS,
}

/**
 * A seed pack as the compliance evaluators take it: its period and rules as the text states them, carried on by the
 * tenant's successor documents (each value then names the successor).
 */
export function seedCompliancePack(policyId: PolicyId, successors: readonly Successor[] = []): CompliancePack {
  const rules = continuedRules(policyId, successors)
  return { policyId, period: rules.period, posting: rules.posting, teams: continuedData(policyId, TEAM_DATA[policyId], successors) }
}
