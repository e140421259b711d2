import { type DateDirection, relativeChatDate } from './relative-dates'

const FULL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/
const SHORT = /^(\d{1,2})[-/.月](\d{1,2})日?$/
const DAY_MS = 86_400_000

function iso(year: number, month: number, day: number): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const parsed = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : value
}

/**
 * A date as people type it in chat: `2026-11-24`, `11-24`, `11/24`, `11月24日`, `11.24`, and words (明天, 下周一: see relativeChatDate). Without a year, the year that puts
 * the date nearest to `today` (so “01-03” asked in late December means next January).
 */
export function parseChatDate(text: string, today: string, direction?: DateDirection): string | null {
  const t = text.trim()
  const relative = relativeChatDate(t, today, direction)
  if (relative) return relative
  const full = FULL.exec(t)
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]))
  const short = SHORT.exec(t)
  if (!short) return null
  const year = Number(today.slice(0, 4))
  const candidates = [year - 1, year, year + 1]
    .map((y) => iso(y, Number(short[1]), Number(short[2])))
    .filter((d): d is string => d !== null)
  const distance = (d: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null
}
