import type { DutyPattern } from '../../../rules'
import { halfDayReading } from './half-day'

export interface ProgressFacts {
  dayOfPosting: number
  checkedInThisWeek: number
  checkedInThisMonth: number
  /** Set on a pattern that asks for 半天: the tenant's hours, said as this deployment's reading. */
  halfDayHours?: number | null
}

/**
 * Progress against the duty pattern in words a doctor uses (“本周已到岗 3/5 天”), or null where the pattern is
 * judged over a whole stay rather than a week or a month.
 */
export function progressLine(pattern: DutyPattern, f: ProgressFacts, lang: 'zh' | 'en'): string | null {
  const line = countLine(pattern, f, lang)
  return line && f.halfDayHours ? `${line}${lang === 'en' ? ' ' : ''}${halfDayReading(f.halfDayHours, lang)}` : line
}

function countLine(pattern: DutyPattern, f: ProgressFacts, lang: 'zh' | 'en'): string | null {
  const en = lang === 'en'
  switch (pattern.kind) {
    case 'continuousResident':
    case 'everyWorkday':
      return en ? `On post for ${f.dayOfPosting} day(s) so far.` : `已驻点 ${f.dayOfPosting} 天。`
    case 'daysPerWeek':
      return en ? `This week: ${f.checkedInThisWeek}/${pattern.minDays} days on site.` : `本周已到岗 ${f.checkedInThisWeek}/${pattern.minDays} 天。`
    case 'visitsPerWeek':
      return en ? `This week: ${f.checkedInThisWeek}/${pattern.min} visits.` : `本周已到岗 ${f.checkedInThisWeek}/${pattern.min} 次。`
    case 'daysPerMonth':
      return en ? `This month: ${f.checkedInThisMonth}/${pattern.min} visits.` : `本月已到岗 ${f.checkedInThisMonth}/${pattern.min} 次。`
    case 'weeksPerMonth':
      return en ? `This month: ${f.checkedInThisMonth} day(s) on site.` : `本月已到岗 ${f.checkedInThisMonth} 天。`
    case 'receivingRoster':
      return null
  }
}
