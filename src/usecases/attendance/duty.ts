import { postingRequirement, POLICY_IDS, PostingMode, type DutyPattern, type PolicyId, type Source } from '../../../rules'
import type { RunningPosting } from '../../../db/repositories/absences'

const RECEIVING_LEVEL = { county: 'county', centralTownship: 'centralTownship', township: 'township', community: 'community', village: 'village' } as const

export type Duty =
  | { known: true; daily: boolean; pattern: DutyPattern; text: string; source: Source }
  | { known: false; reason: string }

// Patterns under which every workday is a day on post; the others are judged per week or month, not per day.
const DAILY: ReadonlySet<DutyPattern['kind']> = new Set(['continuousResident', 'everyWorkday', 'daysPerWeek'])

/** What the posting's policy asks of the doctor on `day`, from the rules core. */
export function dutyOf(posting: Pick<RunningPosting, 'policyId' | 'title' | 'mode' | 'receivingLevel'>, day: string): Duty {
  if (!(POLICY_IDS as readonly string[]).includes(posting.policyId)) return { known: false, reason: `未知的政策 ${posting.policyId}` }
  const mode = PostingMode.safeParse(posting.mode ?? 'resident')
  const receivingLevel = RECEIVING_LEVEL[posting.receivingLevel as keyof typeof RECEIVING_LEVEL]
  const answer = postingRequirement(posting.policyId as PolicyId, { title: posting.title ?? undefined, mode: mode.success ? mode.data : undefined, receivingLevel }, day)
  if (answer.duty.status !== 'found') return { known: false, reason: answer.duty.status === 'unknown' ? `缺少：${answer.duty.missing?.join('、') ?? ''}` : answer.duty.reason }
  return { known: true, daily: DAILY.has(answer.duty.pattern.kind), pattern: answer.duty.pattern, text: answer.duty.text, source: answer.duty.source }
}
