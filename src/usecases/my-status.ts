import { countUnexcused, postingFacts } from '../../db/repositories/absences'
import { countCheckedInDays, countCheckedInDaysBetween, findDay } from '../../db/repositories/attendance'
import { dutyOf } from './attendance/duty'
import { mondayOf } from '../time/days'
import { daysInclusive, shanghaiDate } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { myRequestCounts } from './my-status-counts'
import { requireActivePosting } from './require-posting'

/** 我的: the current posting, what its policy asks, days checked in, leave and absences, and today's record. */
export async function myStatus(deps: UseCaseDeps, input: { tenantId: string; personId: string }) {
  const today = shanghaiDate(deps.clock.now())
  const posting = await requireActivePosting(deps.db, input.tenantId, input.personId, today)
  const weekStart = mondayOf(today)
  const [checkedInDays, todayRecord, facts, unexcused, checkedInThisWeek, checkedInThisMonth] = await Promise.all([
    countCheckedInDays(deps.db, posting.id),
    findDay(deps.db, posting.id, today),
    postingFacts(deps.db, posting.id),
    countUnexcused(deps.db, posting.id),
    countCheckedInDaysBetween(deps.db, posting.id, weekStart, today),
    countCheckedInDaysBetween(deps.db, posting.id, `${today.slice(0, 7)}-01`, today),
  ])
  const requests = await myRequestCounts(deps.db, posting, today, weekStart, `${today.slice(0, 7)}-01`)
  return {
    posting,
    today,
    dayOfPosting: daysInclusive(posting.startsOn, today),
    postingDays: daysInclusive(posting.startsOn, posting.endsOn),
    // An approved 补卡 day counts as present; only leave already taken counts as leave.
    checkedInDays: checkedInDays + requests.punchedDays,
    todayCheckInAt: todayRecord?.checkInAt ?? null,
    todayCheckOutAt: todayRecord?.checkOutAt ?? null,
    duty: dutyOf(facts, today),
    checkedInThisWeek: checkedInThisWeek + requests.punchedThisWeek,
    checkedInThisMonth: checkedInThisMonth + requests.punchedThisMonth,
    leaveDays: requests.leaveTaken,
    requests,
    unexcused,
    assessment: facts.assessment,
  }
}
