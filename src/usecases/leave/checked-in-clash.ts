import { checkedInDaysBetween } from '../../../db/repositories/checked-in-days'
import type { Db } from '../../../db/client'
import type { LeaveKind } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { shanghaiTime } from '../../time/shanghai'

/** The word that confirms leave from later today, after a check-in: `请假 12-01 至 12-03 事由 确认`. */
const CONFIRM = /\s*(?:确认|confirm)$/i

/** The reason without a trailing 确认, and whether it was there. */
export function splitConfirmation(reason: string): { reason: string; confirmed: boolean } {
  return CONFIRM.test(reason) ? { reason: reason.replace(CONFIRM, '').trim(), confirmed: true } : { reason, confirmed: false }
}

/**
 * One consistent day: a 补卡 for a day already checked in is refused (there is nothing to correct); leave over a day
 * already checked in is refused, except leave from later today, which is filed once the person confirms it.
 * Returns the reply that stops the request, or null when it may go on.
 */
export async function checkedInClash(
  db: Db,
  r: { postingId: string; kind: LeaveKind; from: string; to: string; today: string; confirmed: boolean; retype: string },
  lang: Lang,
): Promise<Reply | null> {
  const [first] = await checkedInDaysBetween(db, r.postingId, r.from, r.to)
  if (!first?.checkInAt) return null
  const time = shanghaiTime(first.checkInAt)
  const en = lang === 'en'
  if (r.kind === 'punchCorrection') {
    return {
      tone: 'info',
      text: en
        ? `You already checked in on ${first.day} at ${time}; that day needs no punch correction.`
        : `您 ${first.day} 已于 ${time} 签到，该日无需补卡。`,
    }
  }
  if (first.day === r.today && r.from === r.today) {
    if (r.confirmed) return null
    return {
      tone: 'warning',
      text: en
        ? `You checked in today at ${time}. If you leave after that, send the same line with “confirm” at the end: ${r.retype} confirm. Otherwise start the leave tomorrow.`
        : `您今天已于 ${time} 签到。如签到后需要离岗请假，请在末尾加“确认”再发一次：${r.retype} 确认；否则请从明天开始请假。`,
    }
  }
  return {
    tone: 'warning',
    text: en
      ? `You checked in on ${first.day} at ${time}; leave cannot cover a day you were checked in.`
      : `您 ${first.day} 已于 ${time} 签到，请假不能包含已签到的日子。`,
  }
}
