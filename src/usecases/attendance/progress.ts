import type { DutyPattern } from '../../../rules'

export interface ProgressFacts {
  dayOfPosting: number
  checkedInThisWeek: number
  checkedInThisMonth: number
}

/**
 * Progress against the duty pattern in words a doctor uses (“本周已到岗 3/5 天”), or null where the pattern is
 * judged over a whole stay rather than a week or a month.
 */
export function progressLine(pattern: DutyPattern, f: ProgressFacts, lang: 'zh' | 'en'): string | null {
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
