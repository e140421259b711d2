import { citation as citeSource, COMPLIANCE_STATUS_TEXT, COMPLIANCE_STATUS_TEXT_EN, type ComplianceLine, type ComplianceStatus, POLICY_META, type PolicyId } from '../../../rules'
import type { ReplyTable } from '../../domain/reply'
import type { ComplianceMonth } from './load-compliance'

/** One line as chat, the export and notices show it; the clause on an indented line so a split keeps them together. */
export function lineText(line: ComplianceLine, en = false): string[] {
  const status = (en ? COMPLIANCE_STATUS_TEXT_EN : COMPLIANCE_STATUS_TEXT)[line.status]
  const who = line.personName ? `${line.personName}：` : ''
  const needs = line.missing?.length ? (en ? `（needs ${line.missing.join('、')}）` : `（需要：${line.missing.join('、')}）`) : ''
  return [`· 【${status}】${who}${line.asks} — ${line.reason}${needs}`, `   ${en ? 'Clause' : '依据'}：${citation(line)}`]
}

/** The clause a line rests on; inside a successor's period it names the successor too. */
export const citation = (line: ComplianceLine) => citeSource(line.source)
export const policyName = (id: PolicyId) => POLICY_META[id]?.shortName ?? id

/** How many lines stand how. */
export function tally(month: ComplianceMonth): Record<ComplianceStatus, number> {
  const counts: Record<ComplianceStatus, number> = { failed: 0, unknown: 0, pending: 0, notJudged: 0, passed: 0 }
  for (const org of month.orgs) for (const l of org.lines) counts[l.status]++
  return counts
}

export function tallyText(month: ComplianceMonth, en = false): string {
  const counts = tally(month)
  const names = en ? COMPLIANCE_STATUS_TEXT_EN : COMPLIANCE_STATUS_TEXT
  return (Object.keys(counts) as ComplianceStatus[]).map((s) => `${names[s]} ${counts[s]}`).join(' · ')
}

/** The same lines as table rows, the worst org first. */
export function complianceTable(month: ComplianceMonth, lead: string, maxRows: number): ReplyTable {
  const rows = month.orgs.flatMap((o) =>
    o.lines.map((l) => ({
      org: o.orgName,
      person: l.personName ?? '',
      status: COMPLIANCE_STATUS_TEXT[l.status] + (l.shortBy ? `（差 ${l.shortBy}${l.unit ?? ''}）` : ''),
      asks: l.asks,
      reason: l.reason + (l.missing?.length ? `（需要：${l.missing.join('、')}）` : ''),
      clause: citation(l),
    })),
  )
  return {
    lead,
    columns: [
      { key: 'org', label: '单位' },
      { key: 'person', label: '人员' },
      { key: 'status', label: '情况' },
      { key: 'asks', label: '文件要求' },
      { key: 'reason', label: '说明' },
      { key: 'clause', label: '依据' },
    ],
    rows: rows.slice(0, maxRows),
  }
}
