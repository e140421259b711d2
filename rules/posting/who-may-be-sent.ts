import { packPeriodCheck } from '../core/coverage'
import type { Check } from '../core/decision'
import type { PolicyId } from '../core/pack'
import { type IsoDate, type ParameterAt, valueAt } from '../core/parameter'
import type { Source } from '../core/source'
import { TITLES } from '../eligibility/profile'
import type { Successor } from '../core/successor'
import { continuedRules } from '../policies/continued'
import { POSTING_FACT_TEXT, ROLE_TEXT, STRENGTH_TEXT, TITLE_TEXT } from './labels'
import { matchSelector, withDefaults } from './selector'
import type { PostingFactName, PostingFacts, Selector, SendRule, ServiceYearsRule, TitleRule } from './types'

const CHECK_NAME: Record<SendRule['check'], string> = {
  title: 'title',
  serviceYears: 'serviceYears',
  open: 'composition',
  outOfScope: 'scope',
}

function rank(title: (typeof TITLES)[number]): number {
  return TITLES.indexOf(title)
}

function factsText(missing: PostingFactName[]): string {
  return missing.map((m) => POSTING_FACT_TEXT[m]).join('、')
}

/** A title bar judged against one person's title, role and seniority. */
export function titleCheck(rule: TitleRule, source: Source, facts: PostingFacts): Check {
  const base = { name: 'title', source }
  const { title, role } = facts
  if (role !== undefined && rule.exemptRoles?.includes(role)) {
    return { ...base, status: 'passed', reason: `${ROLE_TEXT[role]}可以选派，不受医师职称要求限制：${rule.requirement}` }
  }
  if (title === undefined) {
    return { ...base, status: 'unknown', reason: `需要职称才能判断：${rule.requirement}`, missing: ['title'] }
  }
  if (rank(title) >= rank(rule.min)) {
    return { ...base, status: 'passed', reason: `${TITLE_TEXT[title]}符合要求：${rule.requirement}` }
  }
  if (rule.alsoWithSeniority === title && facts.seniorAttending !== false) {
    if (facts.seniorAttending === true) {
      return { ...base, status: 'passed', reason: `高年资${TITLE_TEXT[title]}符合要求：${rule.requirement}` }
    }
    return {
      ...base,
      status: 'unknown',
      reason: `${TITLE_TEXT[title]}须为高年资才符合：${rule.requirement}`,
      missing: ['seniorAttending'],
    }
  }
  if (rule.exemptRoles && role === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `${TITLE_TEXT[title]}不符合医师的职称要求，但管理、护理或医技人员可以选派：${rule.requirement}`,
      missing: ['role'],
    }
  }
  return {
    ...base,
    status: 'failed',
    reason: `${TITLE_TEXT[title]}不符合（${STRENGTH_TEXT[rule.strength]}）：${rule.requirement}`,
  }
}

function serviceYearsCheck(rule: ServiceYearsRule, source: Source, facts: PostingFacts): Check {
  const base = { name: 'serviceYears', source }
  if (facts.serviceYears === undefined) {
    return { ...base, status: 'unknown', reason: `需要工龄才能判断：${rule.requirement}`, missing: ['serviceYears'] }
  }
  if (facts.serviceYears >= rule.minYears) {
    return { ...base, status: 'passed', reason: `工龄${facts.serviceYears}年，符合：${rule.requirement}` }
  }
  return {
    ...base,
    status: 'failed',
    reason: `工龄${facts.serviceYears}年，不足${rule.minYears}年（${STRENGTH_TEXT[rule.strength]}）：${rule.requirement}`,
  }
}

// A rule about other postings is skipped; one whose selector waits on a missing fact is unknown, naming the fact.
function applying<T extends { requirement: string }>(
  name: string,
  when: Selector,
  at: ParameterAt<T>,
  facts: PostingFacts,
  decide: (value: T, source: Source) => Check,
): Check | null {
  if (!at.covered) return null
  const match = matchSelector(when, facts)
  if (match.kind === 'no') return null
  if (match.kind === 'yes') return decide(at.value, at.source)
  return {
    name,
    status: 'unknown',
    reason: `需先确定${factsText(match.missing)}，才能判断是否适用：${at.value.requirement}`,
    source: at.source,
    missing: match.missing,
  }
}

function evaluate(rule: SendRule, asOf: IsoDate, facts: PostingFacts): Check | null {
  const name = CHECK_NAME[rule.check]
  switch (rule.check) {
    case 'title':
      return applying(name, rule.when, valueAt(rule.rule, asOf), facts, (v, s) => titleCheck(v, s, facts))
    case 'serviceYears':
      return applying(name, rule.when, valueAt(rule.rule, asOf), facts, (v, s) => serviceYearsCheck(v, s, facts))
    case 'open':
    case 'outOfScope': {
      const status = rule.check === 'open' ? 'passed' : 'failed'
      return applying(name, rule.when, valueAt(rule.rule, asOf), facts, (v, source) => ({ name, status, reason: v.requirement, source }))
    }
  }
}

/**
 * Whether a person may be sent on a posting under a pack on `asOf`: the period, then one named check per rule the
 * text sets for this posting (title by receiving level, 工龄, scope). A missing fact makes its check unknown and
 * names the fact; 原则上 rules still fail, saying the text allows justified exceptions.
 */
export function checkWhoMayBeSent(policyId: PolicyId, posting: PostingFacts, asOf: IsoDate, successors: readonly Successor[] = []): Check[] {
  const rules = continuedRules(policyId, successors)
  const period = packPeriodCheck(rules.period, asOf)
  if (period.status === 'failed') return [period]
  const facts = withDefaults(rules.posting, posting)
  const checks = rules.posting.send.map((rule) => evaluate(rule, asOf, facts))
  return [period, ...checks.filter((c): c is Check => c !== null)]
}
