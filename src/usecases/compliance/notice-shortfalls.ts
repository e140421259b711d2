import { z } from 'zod'
import type { Db } from '../../../db/client'
import { officeFor } from '../../../db/repositories/absences'
import { overridesForYear } from '../../../db/repositories/calendar'
import type { Reply } from '../../domain/reply'
import { calendarDay } from '../../time/calendar'
import { addDays, nextMonth } from '../../time/days'
import { shanghaiDate, shanghaiTime } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { notifyPerson } from '../notify'
import { REMINDER_TIME } from '../reminders/schedule'
import { lineText } from './compliance-text'
import { loadCompliance, type OrgCompliance } from './load-compliance'

const MonthPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
/** A notice lists at most this many lines per org; 达标 and the export have them all. */
const MAX_LINES_PER_ORG = 5
/** The first workday is looked for within this many days of the 1st (the Spring Festival break is the longest). */
const MAX_DAYS_TO_FIRST_WORKDAY = 15

/**
 * The first workday of the month after `month`, from the holiday library and the admin's calendar; null while a day
 * before it cannot be told (a year neither knows yet): the notice waits rather than guess.
 */
export async function firstWorkdayAfter(db: Db, tenantId: string, month: string): Promise<string | null> {
  const first = `${nextMonth(month)}-01`
  const overrides = await overridesForYear(db, tenantId, Number(first.slice(0, 4)))
  for (let i = 0, day = first; i < MAX_DAYS_TO_FIRST_WORKDAY; i++, day = addDays(day, 1)) {
    const status = calendarDay(day, overrides.entries, overrides.entered).status
    if (status === 'unknown') return null
    if (status === 'workday') return day
  }
  return null
}

/** Whether the month's notice is due: its first workday after the month has come, from office hours. */
export async function noticeReady(deps: UseCaseDeps, tenantId: string, month: string): Promise<boolean> {
  const day = await firstWorkdayAfter(deps.db, tenantId, month)
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const time = shanghaiTime(now)
  return day !== null && (today > day || (today === day && time >= REMINDER_TIME))
}

export interface ShortfallNoticeResult {
  month: string
  shortOrgs: string[]
  notices: number
}

/**
 * The month-end notice: on the first workday of a month, each office hears once which of its receiving orgs fell short
 * of a text's requirement last month, each with the lines that are short and their clauses; nothing when all hold.
 */
export async function noticeShortfalls(deps: UseCaseDeps, input: { tenantId: string; period: string }): Promise<ShortfallNoticeResult> {
  const month = MonthPeriod.parse(input.period)
  const { tenantId } = input
  const now = deps.clock.now()
  const result = await loadCompliance(deps.db, { tenantId, month, today: shanghaiDate(now), orgIds: null })
  const short = result.orgs.filter((o) => o.lines.some((l) => l.status === 'failed'))
  const byOffice = new Map<string, OrgCompliance[]>()
  for (const org of short) for (const personId of await officeFor(deps.db, tenantId, org.orgId)) byOffice.set(personId, [...(byOffice.get(personId) ?? []), org])
  for (const [personId, orgs] of byOffice) {
    await notifyPerson(deps.db, { tenantId, personId, prefer: 'feishu', reply: shortfallNotice(month, orgs), key: `compliance:${month}:${personId}`, at: now })
  }
  return { month, shortOrgs: short.map((o) => o.orgName), notices: byOffice.size }
}


/** One office's notice: each short org with its short lines (the worst first) and the clause of each. */
export function shortfallNotice(month: string, orgs: OrgCompliance[]): Reply {
  const lines = [`${month} 以下受援单位有未达标项：`]
  for (const org of orgs) {
    const failed = org.lines.filter((l) => l.status === 'failed')
    lines.push(`【${org.orgName}】未达标 ${failed.length} 项`)
    for (const line of failed.slice(0, MAX_LINES_PER_ORG)) lines.push(...lineText(line))
    if (failed.length > MAX_LINES_PER_ORG) lines.push(`· ……另有 ${failed.length - MAX_LINES_PER_ORG} 项`)
  }
  lines.push(`详情：发送“达标 ${month}”，或“导出 ${month}”查看达标表。`)
  return { tone: 'warning', title: '上月达标提醒', text: lines.join('\n') }
}
