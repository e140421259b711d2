import { countCheckedInDays, findDay } from '../../db/repositories/attendance'
import { daysInclusive, shanghaiDate } from '../time/shanghai'
import type { UseCaseDeps } from './deps'
import { requireActivePosting } from './require-posting'

/** 我的: the current posting, days checked in on it, and today's record. */
export async function myStatus(deps: UseCaseDeps, input: { tenantId: string; personId: string }) {
  const today = shanghaiDate(deps.clock.now())
  const posting = await requireActivePosting(deps.db, input.tenantId, input.personId, today)
  const [checkedInDays, todayRecord] = await Promise.all([
    countCheckedInDays(deps.db, posting.id),
    findDay(deps.db, posting.id, today),
  ])
  return {
    posting,
    today,
    dayOfPosting: daysInclusive(posting.startsOn, today),
    postingDays: daysInclusive(posting.startsOn, posting.endsOn),
    checkedInDays,
    todayCheckInAt: todayRecord?.checkInAt ?? null,
    todayCheckOutAt: todayRecord?.checkOutAt ?? null,
  }
}
