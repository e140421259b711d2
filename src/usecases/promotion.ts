import type { Db } from '../../db/client'
import { personEmployer, postingsOfPerson } from '../../db/repositories/service-history'
import type { OrgLevel } from '../../db/schema'
import { type CreditFacts, dates, type PolicyId, POLICY_IDS, type ServiceCreditAnswer, type ServiceRecord, serviceCredit, type Title } from '../../rules'
import { addDays } from '../time/days'

const NEXT_TITLE: Partial<Record<Title, Title>> = { none: 'junior', junior: 'intermediate', intermediate: 'associateSenior', associateSenior: 'senior' }
const RECEIVING: Partial<Record<OrgLevel, NonNullable<ServiceRecord['receivingLevel']>>> = { county: 'county', township: 'township', community: 'community', village: 'village' }
// City hospitals are stored by grade (三级/二级); the promotion rules speak of 城市二级以上医院.
const EMPLOYER: Partial<Record<OrgLevel, NonNullable<CreditFacts['employer']>>> = {
  tertiary: { level: 'city', grade: 'tertiary' },
  secondary: { level: 'city', grade: 'secondary' },
  county: { level: 'county' },
  township: { level: 'township' },
  community: { level: 'community' },
  village: { level: 'village' },
  province: { level: 'province' },
}

export interface Stint {
  receivingOrgName: string
  receivingLevel: OrgLevel
  from: string
  /** The last day served so far: the posting's end, or yesterday while it runs. */
  to: string
  plannedEnd: string
  running: boolean
  assessment: 'pending' | 'passed' | 'failed'
  days: number
}

export interface PromotionStatus {
  targetTitle: Title | null
  answer: ServiceCreditAnswer
  stints: Stint[]
  /** Whole months of the longest continuous stint. */
  longestMonths: number
}

/** Whole months from `from` to `to` (both served). */
export function wholeMonths(from: string, to: string): number {
  let n = 0
  while (dates.coversSpan(from, to, { count: n + 1, unit: 'month' })) n++
  return n
}

/**
 * The promotion question for 我的: every posting of the person becomes a service record (served so far, assessed as
 * recorded), and the rules core's service-credit evaluator says what counts, what the pack requires for the next
 * title, and what is missing — each with its clause.
 */
export async function promotionStatus(db: Db, input: { tenantId: string; personId: string; policyId: string; today: string }): Promise<PromotionStatus | null> {
  if (!(POLICY_IDS as readonly string[]).includes(input.policyId)) return null
  const person = await personEmployer(db, input.personId)
  const yesterday = addDays(input.today, -1)
  const stints: Stint[] = (await postingsOfPerson(db, input.tenantId, input.personId))
    .filter((p) => p.startsOn <= yesterday)
    .map((p) => {
      const to = p.endsOn < yesterday ? p.endsOn : yesterday
      return { receivingOrgName: p.receivingOrgName, from: p.startsOn, to, plannedEnd: p.endsOn, running: p.endsOn >= input.today, assessment: p.assessment, days: dates.daysServed(p.startsOn, to), receivingLevel: p.receivingLevel }
    })
  const records: ServiceRecord[] = stints.map((s) => ({
    kind: 'counterpartSupport',
    from: s.from,
    to: s.to,
    receivingLevel: RECEIVING[s.receivingLevel],
    // A running posting has no assessment yet; a pending one is unknown rather than passed.
    ...(s.assessment === 'pending' ? {} : { assessedPassed: s.assessment === 'passed' }),
  }))
  const targetTitle = person.title ? (NEXT_TITLE[person.title as Title] ?? null) : null
  const employer = person.employerLevel ? EMPLOYER[person.employerLevel] : undefined
  const facts: CreditFacts = { ...(targetTitle ? { targetTitle } : {}), ...(employer ? { employer } : {}), records }
  const answer = serviceCredit(input.policyId as PolicyId, facts, input.today)
  const longestMonths = Math.max(0, ...stints.map((s) => wholeMonths(s.from, s.to)))
  return { targetTitle, answer, stints, longestMonths }
}
