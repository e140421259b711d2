import { continuedRules, dates, POLICY_META, postingRequirement, POLICY_IDS, PostingMode, valueAt, type DutyPattern, type PolicyId, type Source, type Successor } from '../../../rules'
import type { RunningPosting } from '../../../db/repositories/absences'

const RECEIVING_LEVEL = { county: 'county', centralTownship: 'centralTownship', township: 'township', community: 'community', village: 'village' } as const

export type Duty =
  | { known: true; daily: boolean; perDay: boolean; pattern: DutyPattern; text: string; source: Source }
  | { known: false; reason: string; ended?: PolicyEnded }

/** The pack (or its last successor) has ended and nothing continues it: which document, and its last day. */
export interface PolicyEnded {
  document: string
  lastDay: string
}

// Patterns under which every workday is a day on post; the others are judged per week or month, not per day.
const DAILY: ReadonlySet<DutyPattern['kind']> = new Set(['continuousResident', 'everyWorkday', 'daysPerWeek'])
// Of those, the ones a missed day breaks by itself; "每周…不少于 5 日" is judged on the whole week (review-duty.ts).
const PER_DAY: ReadonlySet<DutyPattern['kind']> = new Set(['continuousResident', 'everyWorkday'])

/** What the posting's policy asks of the doctor on `day`, from the rules core, continued by the tenant's successors. */
export function dutyOf(posting: Pick<RunningPosting, 'policyId' | 'title' | 'mode' | 'receivingLevel'>, day: string, successors: readonly Successor[] = []): Duty {
  if (!(POLICY_IDS as readonly string[]).includes(posting.policyId)) return { known: false, reason: `未知的政策 ${posting.policyId}` }
  const mode = PostingMode.safeParse(posting.mode ?? 'resident')
  const receivingLevel = RECEIVING_LEVEL[posting.receivingLevel as keyof typeof RECEIVING_LEVEL]
  const answer = postingRequirement(posting.policyId as PolicyId, { title: posting.title ?? undefined, mode: mode.success ? mode.data : undefined, receivingLevel }, day, successors)
  if (answer.duty.status !== 'found') {
    const reason = answer.duty.status === 'unknown' ? `缺少：${answer.duty.missing?.join('、') ?? ''}` : answer.duty.reason
    const ended = answer.covered ? undefined : endedOn(posting.policyId as PolicyId, day, successors)
    return { known: false, reason, ...(ended ? { ended } : {}) }
  }
  return { known: true, daily: DAILY.has(answer.duty.pattern.kind), perDay: PER_DAY.has(answer.duty.pattern.kind), pattern: answer.duty.pattern, text: answer.duty.text, source: answer.duty.source }
}

function endedOn(policyId: PolicyId, day: string, successors: readonly Successor[]): PolicyEnded | undefined {
  const at = valueAt(continuedRules(policyId, successors).period, day)
  if (at.covered || at.why !== 'ended') return undefined
  return { document: at.source?.continuedBy?.document ?? POLICY_META[policyId].document, lastDay: dates.addDays(at.from!, -1) }
}
