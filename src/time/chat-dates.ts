import { parseDay, yearsAround } from '../domain/strict-input'

/**
 * A date as people type it in chat: `2026-11-24`, `11-24`, `11/24`, `11月24日`, full-width digits too. Without a
 * year, the year that puts the date nearest to `today` (so “01-03” asked in late December means next January). A
 * chat date is within CHAT_YEARS of today: 9999-12-31 is a typing accident, not a leave request.
 */
/** Years either side of today a chat date may name: a posting lasts months, a programme a few years. */
const CHAT_YEARS = 5

export function parseChatDate(text: string, today: string): string | null {
  const parsed = parseDay(text, { today, years: yearsAround(today, CHAT_YEARS, CHAT_YEARS) })
  return parsed.ok ? parsed.value : null
}
