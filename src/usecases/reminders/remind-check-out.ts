import { postingFacts } from '../../../db/repositories/absences'
import { checkedInNotOut } from '../../../db/repositories/attendance-counted'
import { tenantSettings } from '../../../db/repositories/verifications'
import type { Reply } from '../../domain/reply'
import { shanghaiDate } from '../../time/shanghai'
import { dutyOf } from '../attendance/duty'
import { halfDayReading, needsHalfDay } from '../attendance/half-day'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { tenantSuccessors } from '../policy/successors'

/** The evening reminder goes out from 18:00 Asia/Shanghai (this deployment's choice: the end of office hours). */
export const CHECK_OUT_REMINDER_TIME = '18:00'

/**
 * The evening reminder: a doctor on a pattern that asks for 半天 who checked in today and has not checked out is told
 * once that the day counts only with a 签退. A day caught up after it is over reminds nobody.
 */
export async function remindCheckOut(deps: UseCaseDeps, input: { tenantId: string; day: string }) {
  const { tenantId, day } = input
  const now = deps.clock.now()
  if (shanghaiDate(now) !== day) return { day, skipped: 'late' as const, reminded: 0 }
  const { halfDayHours } = await tenantSettings(deps.db, tenantId)
  const successors = await tenantSuccessors(deps.db, tenantId)
  let reminded = 0
  for (const postingId of await checkedInNotOut(deps.db, tenantId, day)) {
    const posting = await postingFacts(deps.db, postingId)
    const duty = dutyOf(posting, day, successors)
    if (!duty.known || !needsHalfDay(duty.pattern)) continue
    const reply = checkOutReminder(posting.personName, day, duty.text, halfDayHours)
    await notifyPerson(deps.db, { tenantId, personId: posting.personId, prefer: 'feishu', reply, key: `checkout-reminder:${postingId}:${day}`, at: now })
    reminded++
  }
  return { day, reminded }
}

export function checkOutReminder(name: string, day: string, dutyText: string, hours: number): Reply {
  return {
    tone: 'info',
    title: '签退提醒',
    text: `${name}医生，今天（${day.slice(5)}）已签到，还没有签退。您的驻点要求是“${dutyText}”，当天须签退才计入到岗。\n${halfDayReading(hours)}\n离岗时请发送“签退”。`,
    actions: [{ label: '签退', command: '签退', style: 'primary' }],
  }
}
