import { countUnexcused, postingFacts } from '../../db/repositories/absences'
import { countCheckedInDays, findDay } from '../../db/repositories/attendance'
import { tenantSettings } from '../../db/repositories/verifications'
import { daysOnSiteSoFar } from './attendance/days-on-site'
import { needsHalfDay } from './attendance/half-day'
import { dutyOf } from './attendance/duty'
import { minimumLength } from './attendance/minimum-length'
import { promotionStatus } from './promotion'
import { mondayOf } from '../time/days'
import { daysInclusive, shanghaiDate } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { myRequestCounts } from './my-status-counts'
import { requireActivePosting } from './require-posting'
import { tenantSuccessors } from './policy/successors'

/** 我的: the current posting, what its policy asks, days checked in, leave and absences, and today's record. */
export async function myStatus(deps: UseCaseDeps, input: { tenantId: string; personId: string }) {
  const today = shanghaiDate(deps.clock.now())
  const posting = await requireActivePosting(deps, input.tenantId, input.personId, today)
  const weekStart = mondayOf(today)
  // One after another: deps.db is the message's transaction, and one connection runs one query at a time
  // (node-postgres warns about concurrent queries on a client; its next major version refuses them).
  const checkedInDays = await countCheckedInDays(deps.db, posting.id)
  const todayRecord = await findDay(deps.db, posting.id, today)
  const facts = await postingFacts(deps.db, posting.id)
  const unexcused = await countUnexcused(deps.db, posting.id)
  const requests = await myRequestCounts(deps.db, posting, today, weekStart, `${today.slice(0, 7)}-01`)
  const successors = await tenantSuccessors(deps.db, input.tenantId)
  const duty = dutyOf(facts, today, successors)
  // On a pattern that asks for 半天, progress counts days as the weekly review will (the tenant's half-day hours).
  const halfDayHours = duty.known && needsHalfDay(duty.pattern) ? (await tenantSettings(deps.db, input.tenantId)).halfDayHours : null
  const checkedInThisWeek = await daysOnSiteSoFar(deps.db, posting.id, weekStart, today, halfDayHours)
  const checkedInThisMonth = await daysOnSiteSoFar(deps.db, posting.id, `${today.slice(0, 7)}-01`, today, halfDayHours)
  const promotion = await promotionStatus(deps.db, { tenantId: input.tenantId, personId: input.personId, policyId: posting.policyId, today })
  return {
    posting,
    today,
    dayOfPosting: daysInclusive(posting.startsOn, today),
    postingDays: daysInclusive(posting.startsOn, posting.endsOn),
    // An approved 补卡 day counts as present; only leave already taken counts as leave.
    checkedInDays: checkedInDays + requests.punchedDays,
    todayCheckInAt: todayRecord?.checkInAt ?? null,
    todayCheckOutAt: todayRecord?.checkOutAt ?? null,
    duty,
    minimum: minimumLength(duty, posting, today),
    promotion,
    checkedInThisWeek: checkedInThisWeek + requests.punchedThisWeek,
    checkedInThisMonth: checkedInThisMonth + requests.punchedThisMonth,
    halfDayHours,
    leaveDays: requests.leaveTaken,
    requests,
    unexcused,
    assessment: facts.assessment,
  }
}
