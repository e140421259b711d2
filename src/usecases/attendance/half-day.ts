import type { DutyPattern } from '../../../rules'

/** Whether a pattern asks for 半天 a day or a visit (“每日不少于半天”, “每次不少于半天”). */
export function needsHalfDay(pattern: DutyPattern): boolean {
  return (pattern.kind === 'daysPerWeek' && pattern.minHalfDaysPerDay > 0) || (pattern.kind === 'visitsPerWeek' && (pattern.minHalfDaysPerVisit ?? 0) > 0)
}

/** The texts do not say how 半天 is shown; this deployment reads it as a 签退 some hours after 签到 (a tenant setting). */
export function halfDayReading(hours: number, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en'
    ? `A half day counts when 签退 comes at least ${hours} hours after 签到 (this deployment's reading, not a policy clause).`
    : `“半天”按签到后至少 ${hours} 小时签退计（本部署的理解，非政策原文）。`
}

/** A week shortened by statutory holidays is judged on its workdays only. */
export const SHORT_WEEK_READING = '法定节假日所在周按该周工作日数计（本部署的理解，非政策原文）。'
