import { postingsCheckedInExcusedOrOnLeave, postingsRunningOn } from '../../../db/repositories/absences'
import { overridesForYear } from '../../../db/repositories/calendar'
import { calendarDay } from '../../time/calendar'
import { shanghaiDate } from '../../time/shanghai'
import { dutyOf } from '../attendance/duty'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'
import { greetingAt } from './greeting'
import { checkInNudge } from './notices'

export interface NudgeResult {
  day: string
  /** Set when the day is not a workday or is over; nobody is nudged then. */
  skipped?: 'restday' | 'unknownCalendar' | 'late'
  nudged: number
}

/**
 * The 09:30 nudge: each doctor whose posting asks for every workday, on a workday, who has neither checked in nor
 * been excused (approved leave or 补卡) nor asked for leave that day. A day caught up after an outage nudges nobody:
 * "今天还没有签到" about a day that is over would only confuse.
 */
export async function nudgeCheckIn(deps: UseCaseDeps, input: { tenantId: string; day: string }): Promise<NudgeResult> {
  const { tenantId, day } = input
  const now = deps.clock.now()
  if (shanghaiDate(now) !== day) return { day, skipped: 'late', nudged: 0 }
  return deps.db.transaction(async (tx) => {
    const overrides = await overridesForYear(tx, tenantId, Number(day.slice(0, 4)))
    const calendar = calendarDay(day, overrides.entries, overrides.entered)
    // An unknown calendar is reported to the office by the sweep; guessing a workday here would nag on holidays.
    if (calendar.status !== 'workday') return { day, skipped: calendar.status === 'unknown' ? 'unknownCalendar' : 'restday', nudged: 0 }
    let nudged = 0
    const successors = await tenantSuccessors(tx, tenantId)
    const onDuty = (await postingsRunningOn(tx, tenantId, day)).filter((posting) => {
      const duty = dutyOf(posting, day, successors)
      return duty.known && duty.daily
    })
    // A pending request counts too: the doctor has told us, the approver has not answered yet.
    const leftAlone = await postingsCheckedInExcusedOrOnLeave(tx, onDuty.map((p) => p.id), day)
    for (const posting of onDuty) {
      if (leftAlone.has(posting.id)) continue
      await notifyPerson(tx, { tenantId, personId: posting.personId, prefer: 'feishu', reply: checkInNudge(posting.personName, day, greetingAt(now)), key: `nudge:${posting.id}:${day}`, at: now })
      nudged++
    }
    return { day, nudged }
  })
}
