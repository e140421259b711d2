import { parseChatDate } from '../../time/chat-dates'
import type { DateDirection } from '../../time/relative-dates'

export type ParsedLeave = { ok: true; from: string; to: string; reason: string } | { ok: false }

const RANGE = /^(\S+?)\s*(?:至|到|~|～|—|to)\s*(\S+)\s*(.*)$/i

/** `11-24 至 11-26 事由`, `11-24 事由` (one day), `2026-11-24 to 2026-11-26 reason`. */
export function parseLeaveArgs(args: string, today: string, direction?: DateDirection): ParsedLeave {
  const range = RANGE.exec(args.trim())
  if (range) {
    const from = parseChatDate(range[1]!, today, direction)
    const to = parseChatDate(range[2]!, today, direction)
    if (from && to) return { ok: true, from, to, reason: range[3]!.trim() }
  }
  const [first = '', ...rest] = args.trim().split(/\s+/)
  const day = parseChatDate(first, today, direction)
  return day ? { ok: true, from: day, to: day, reason: rest.join(' ').trim() } : { ok: false }
}
