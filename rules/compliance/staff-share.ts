import { wholeShareOf } from '../core/units'
import { valueAt } from '../core/parameter'
import { POSTING_FACT_TEXT } from '../posting/labels'
import type { CompliancePack } from './pack'
import { NEEDS } from './labels'
import { countStatus } from './lines'
import type { ComplianceLine, SupportingOrgFacts } from './types'

/**
 * 选派帮扶人员数量不低于本院专业技术人员的1.2% / 1.6% / 6% (烟台 附件3 二(一)(二)(三)): the people a supporting hospital has
 * on post on the reference day, at the receiving levels the share is about, against its staff count from the roster.
 */
export function staffShareLines(pack: CompliancePack, facts: SupportingOrgFacts): ComplianceLine[] {
  const lines: ComplianceLine[] = []
  for (const p of pack.posting.provisions) {
    const at = valueAt(p.provision, facts.asOf)
    if (!at.covered || at.value.key !== 'staffShare' || at.value.min === undefined) continue
    const base = { policyId: pack.policyId, orgId: facts.org.id, orgName: facts.org.name, requirement: 'staffShare', asks: at.value.text, unit: '人', window: 'day' as const, source: at.source }
    const levels = p.when.supportingLevels
    if (levels && facts.org.level === undefined) {
      lines.push({ ...base, status: 'unknown', reason: '派出机构层级未知', missing: [POSTING_FACT_TEXT.supportingLevel] })
      continue
    }
    if (levels && !levels.includes(facts.org.level!)) continue
    const toLevels = p.when.receivingLevels
    const sent = facts.sent.filter((s) => !toLevels || (s.receivingLevel !== undefined && toLevels.includes(s.receivingLevel)))
    if (facts.org.staffCount === undefined) {
      lines.push({ ...base, status: 'unknown', reason: `在岗 ${sent.length} 人，本院专业技术人员数未登记`, missing: [NEEDS.staffCount] })
      continue
    }
    const owed = wholeShareOf(at.value.min, facts.org.staffCount)
    const judged = countStatus(sent.length, owed)
    const gap = judged.status === 'failed' ? `，差 ${judged.shortBy}` : ''
    lines.push({ ...base, ...judged, reason: `${facts.asOf} 在岗 ${sent.length} 人；本院专业技术人员 ${facts.org.staffCount} 人的 ${at.value.min}${at.value.unit ?? ''} 为 ${owed} 人${gap}` })
  }
  return lines
}
