import { valueAt } from '../core/parameter'
import { POSTING_FACT_TEXT } from '../posting/labels'
import { matchSelector } from '../posting/selector'
import type { CompliancePack } from './pack'
import { countStatus } from './lines'
import type { ComplianceLine, SupportingOrgFacts } from './types'

/**
 * 每所城市三级综合医院与3所左右县级医院、三级专科医院与2所县级医院建立对口支援关系 (浙江 三(一)): the receiving orgs a
 * supporting hospital is paired with. "左右" sets no bar, so an approximate number is shown and never called short.
 * A kind of hospital the text does not name (中医) is not judged.
 */
export function pairsPerHospitalLines(pack: CompliancePack, facts: SupportingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const r of pack.teams.pairsPerHospital) {
    const at = valueAt(r.rule, facts.asOf)
    if (!at.covered) continue
    const value = at.value
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: 'pairsPerHospital', asks: value.text, unit: value.unit, window: 'day' as const, source: at.source }
    const match = matchSelector(r.when, { supportingLevel: facts.org.level })
    if (match.kind === 'no') continue
    if (match.kind === 'unknown' || facts.org.kind === undefined) {
      lines.push({ ...base, status: 'unknown', reason: '派出医院层级或类别未知', missing: [POSTING_FACT_TEXT.supportingLevel] })
      break
    }
    if (!value.supportingKinds.includes(facts.org.kind)) continue
    const count = facts.receiving.filter((x) => x.level !== undefined && value.receivingLevels.includes(x.level)).length
    if (value.approx) {
      const status = count >= value.count ? 'passed' : 'notJudged'
      lines.push({ ...base, status, reason: `现有 ${count} ${value.unit}；文件为“${value.count}${value.unit}左右”，未定下限，本部署不判为未达标` })
    } else {
      const judged = countStatus(count, value.count)
      lines.push({ ...base, ...judged, reason: `现有 ${count} ${value.unit}，文件要求 ${value.count} ${value.unit}${judged.status === 'failed' ? `，差 ${judged.shortBy}` : ''}` })
    }
  }
  return lines
}
