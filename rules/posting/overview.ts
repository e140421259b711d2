import type { PolicyId } from '../core/pack'
import { type IsoDate, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import { programmesOf } from '../policies/validate-successor'
import { addDays } from '../core/dates'
import { describeDuty } from './describe'
import { MODE_TEXT } from './labels'
import { matchSelector, withDefaults } from './selector'
import type { PostingFacts, ReceivingLevel, Selector } from './types'

const RECEIVING_TEXT: Record<ReceivingLevel, string> = {
  prefecture: '地市级医院',
  county: '县级医院',
  centralTownship: '中心乡镇卫生院',
  township: '乡镇卫生院',
  community: '社区卫生服务机构',
  village: '村卫生室',
}

/** "村卫生室·巡回医疗：" — which postings a rule is about, so a list of duties reads apart. */
function scopeOf(when: Selector): string {
  const parts = [when.receivingLevels?.map((l) => RECEIVING_TEXT[l]).join('、'), when.modes?.map((m) => MODE_TEXT[m]).join('、')].filter(Boolean)
  return parts.length ? `${parts.join('·')}：` : ''
}

/** One rule of a pack in words, with the clause it comes from. */
export interface OverviewLine {
  text: string
  source: Source
}

/** What a pack holds on a day, for someone who asks it about eligibility: its programmes, or who may be sent and the duties. */
export interface PackOverview {
  policyId: PolicyId
  programmeIds: string[]
  running: boolean
  /** The day the rules are read on: the asked day, or the pack's last day when it has ended. */
  readOn: IsoDate
  whoMayBeSent: OverviewLine[]
  duties: OverviewLine[]
}

/**
 * Pure: the pack's rules as continued by the tenant's successors, each rule's text once, in the pack's order. Given a
 * posting's facts, only the rules that may be about that posting (a known mismatch leaves a rule out).
 */
export function packOverview(policyId: PolicyId, asOf: IsoDate, successors: readonly Successor[] = [], posting?: PostingFacts): PackOverview {
  const rules = continuedRules(policyId, successors)
  const facts = posting && withDefaults(rules.posting, posting)
  const about = (when: Selector) => !facts || matchSelector(when, facts).kind !== 'no'
  const period = valueAt(rules.period, asOf)
  // An ended pack still tells what it held: its rules as on its last day.
  const readOn = !period.covered && period.why === 'ended' && period.from ? addDays(period.from, -1) : asOf
  const once = (lines: OverviewLine[]) => lines.filter((line, i) => lines.findIndex((l) => l.text === line.text) === i)
  const whoMayBeSent: OverviewLine[] = []
  const duties: OverviewLine[] = []
  for (const rule of rules.posting.send) {
    const at = valueAt(rule.rule, readOn)
    if (at.covered && about(rule.when)) whoMayBeSent.push({ text: `${scopeOf(rule.when)}${at.value.requirement}`, source: at.source })
  }
  for (const rule of rules.posting.duty) {
    const at = valueAt(rule.pattern, readOn)
    if (at.covered && about(rule.when)) duties.push({ text: `${scopeOf(rule.when)}${describeDuty(at.value)}`, source: at.source })
  }
  return { policyId, programmeIds: programmesOf(policyId), running: period.covered, readOn, whoMayBeSent: once(whoMayBeSent), duties: once(duties) }
}
