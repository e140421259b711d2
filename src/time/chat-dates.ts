import { parseDay, yearsAround } from '../domain/strict-input'
import { type DateDirection, relativeChatDate } from './relative-dates'

/** Years either side of today a chat date may name: a posting lasts months, a programme a few years. */
const CHAT_YEARS = 5

/**
 * A date as people type it in chat: words (明天, 下周一: see relativeChatDate), `2026-11-24`, `11-24`, `11/24`,
 * `11月24日`, full-width digits too. Without a year, the year that puts the date nearest to `today` (so “01-03” asked
 * in late December means next January). A chat date is within CHAT_YEARS of today: 9999-12-31 is a typing accident.
 */
export function parseChatDate(text: string, today: string, direction?: DateDirection): string | null {
  const relative = relativeChatDate(text.trim(), today, direction)
  if (relative) return relative
  const parsed = parseDay(text, { today, years: yearsAround(today, CHAT_YEARS, CHAT_YEARS) })
  return parsed.ok ? parsed.value : null
}
