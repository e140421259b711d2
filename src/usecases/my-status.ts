import { countUnexcused, postingFacts } from '../../db/repositories/absences'
import { countCheckedInDays, countCheckedInDaysBetween, findDay } from '../../db/repositories/attendance'
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
  const posting = await requireActivePosting(deps.db, input.tenantId, input.personId, today)
  const weekStart = mondayOf(today)
  // One after another: deps.db is the message's transaction, and one connection runs one query at a time
  // (node-postgres warns about concurrent queries on a client; its next major version refuses them).
  const checkedInDays = await countCheckedInDays(deps.db, posting.id)
  const todayRecord = await findDay(deps.db, posting.id, today)
  const facts = await postingFacts(deps.db, posting.id)
  const unexcused = await countUnexcused(deps.db, posting.id)
  const checkedInThisWeek = await countCheckedInDaysBetween(deps.db, posting.id, weekStart, today)
  const checkedInThisMonth = await countCheckedInDaysBetween(deps.db, posting.id, `${today.slice(0, 7)}-01`, today)
  const requests = await myRequestCounts(deps.db, posting, today, weekStart, `${today.slice(0, 7)}-01`)
  const successors = await tenantSuccessors(deps.db, input.tenantId)
  const duty = dutyOf(facts, today, successors)
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
    leaveDays: requests.leaveTaken,
    requests,
    unexcused,
    assessment: facts.assessment,
  }
}
