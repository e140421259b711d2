import { checkedInDaysBetween } from '../../db/repositories/checked-in-days'
import { requestsOfPosting } from '../../db/repositories/leave-lists'
import type { Db } from '../../db/client'
import { eachDay } from '../time/days'

const upTo = (day: string, today: string) => (day < today ? day : today)

/**
 * What 我的 counts beyond check-ins: days an approved 补卡 made present (the person was on duty and said so), leave
 * already taken apart from approved leave still ahead, and requests still waiting for the approver.
 */
export async function myRequestCounts(db: Db, posting: { id: string; startsOn: string }, today: string, weekStart: string, monthStart: string) {
  // One after another: db may be the message's transaction (one connection, one query at a time).
  const checkedIn = await checkedInDaysBetween(db, posting.id, posting.startsOn, today)
  const punches = await requestsOfPosting(db, posting.id, ['approved'], 'punchCorrection')
  const leaves = await requestsOfPosting(db, posting.id, ['approved', 'returned'], 'leave')
  const pending = await requestsOfPosting(db, posting.id, ['pending'])
  const present = new Set(checkedIn.map((d) => d.day))
  const punched = new Set(punches.flatMap((p) => eachDay(p.startsOn, upTo(p.endsOn, today))).filter((d) => !present.has(d)))
  const between = (from: string) => [...punched].filter((d) => d >= from).length
  let leaveTaken = 0
  let leaveAhead = 0
  for (const l of leaves) {
    const last = l.returnedOn && l.returnedOn < l.endsOn ? l.returnedOn : l.endsOn
    for (const day of eachDay(l.startsOn, last)) day <= today ? leaveTaken++ : leaveAhead++
  }
  return {
    punchedDays: punched.size,
    punchedThisWeek: between(weekStart),
    punchedThisMonth: between(monthStart),
    leaveTaken,
    leaveAhead,
    pending: pending.map((r) => ({ number: r.number, kind: r.kind, startsOn: r.startsOn, endsOn: r.endsOn })),
  }
}
