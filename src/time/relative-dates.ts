import { addDays } from './days'

const OFFSETS: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 昨天: -1, 昨日: -1, 前天: -2, today: 0, tomorrow: 1, yesterday: -1 }
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }
const WEEK = /^(上|这|本|下)?(?:周|星期|礼拜)([一二三四五六日天])$/

/** Which way a bare weekday points: leave looks ahead, a 补卡 looks back. */
export type DateDirection = 'future' | 'past'

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7

/**
 * Dates said in words: 今天/明天/后天/昨天/前天, 本周三/下周一/上周五 (weeks from Monday), and a bare 周三 when it is
 * unambiguous: with a direction, the nearest such day after (or before) today; a bare weekday that is today's own,
 * or one without a direction, could mean two days and is not guessed (null).
 */
export function relativeChatDate(text: string, today: string, direction?: DateDirection): string | null {
  const t = text.trim().toLowerCase()
  if (t in OFFSETS) return addDays(today, OFFSETS[t]!)
  const week = WEEK.exec(t)
  if (!week) return null
  const target = WEEKDAY[week[2]!]!
  const current = weekdayOf(today)
  const monday = addDays(today, 1 - current)
  if (week[1] === '这' || week[1] === '本') return addDays(monday, target - 1)
  if (week[1] === '下') return addDays(monday, 7 + target - 1)
  if (week[1] === '上') return addDays(monday, -7 + target - 1)
  if (!direction || target === current) return null
  const ahead = (target - current + 7) % 7
  return direction === 'future' ? addDays(today, ahead) : addDays(today, ahead - 7)
}
