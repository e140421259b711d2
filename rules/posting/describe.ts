import { spanText } from '../core/dates'
import type { DutyPattern } from './types'

function halfDays(count: number): string {
  return count === 1 ? '半天' : `${count}个半天`
}

/** A duty pattern in the words a doctor reads on `我的`: "每周不少于 5 日，每日不少于半天". */
export function describeDuty(pattern: DutyPattern): string {
  switch (pattern.kind) {
    case 'continuousResident':
      return `连续驻点不少于${spanText(pattern.minSpan)}`
    case 'everyWorkday':
      return `驻点${spanText(pattern.minSpan)}，除法定节假日外每个工作日在岗履职${pattern.noSubstitution ? '，不得中途换人' : ''}`
    case 'weeksPerMonth':
      return (
        `支援${spanText(pattern.supportSpan)}，每月驻点不少于${pattern.minWeeksPerMonth}周，累计驻点不少于${pattern.minWeeksTotal}周` +
        (pattern.remoteGuidanceOtherwise ? '；不驻点期间远程指导' : '')
      )
    case 'daysPerWeek':
      return (
        `每周驻点不少于${pattern.minDays}日，每日不少于${halfDays(pattern.minHalfDaysPerDay)}` +
        (pattern.minSpanSameVillage ? `，在同一行政村至少连续服务${spanText(pattern.minSpanSameVillage)}` : '')
      )
    case 'visitsPerWeek':
      return (
        `每周不少于${pattern.min}次` +
        (pattern.minHalfDaysPerVisit ? `，每次不少于${halfDays(pattern.minHalfDaysPerVisit)}` : '')
      )
    case 'daysPerMonth':
      return `每月不少于${pattern.min}次，每次不少于${pattern.minDaysPerVisit}天`
    case 'receivingRoster':
      return '纳入受援医院日常管理，按门诊、病房排班上岗（文件未规定天数）'
  }
}
