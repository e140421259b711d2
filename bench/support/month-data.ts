import { randomUUID } from 'node:crypto'
import { getTableColumns, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import {
  absences,
  attendanceDays,
  attendanceEvents,
  auditLog,
  escalations,
  identities,
  leaveRequests,
  monthlyReports,
  orgs,
  people,
  postings,
  roleAssignments,
  supportPairs,
  tenants,
} from '../../db/schema'
import { calendarDay } from '../../src/time/calendar'
import { addDays, eachDay, lastDayOf } from '../../src/time/days'
import { random } from '../../src/demo/random'

export interface MonthData {
  tenantId: string
  month: string
  officePersonId: string
  postings: number
  days: number
  workdays: number
  rows: { attendanceDays: number; attendanceEvents: number; leaveRequests: number; absences: number; monthlyReports: number; audit: number }
}

const TENANT = 'bench'
const POLICY = 'henan-2015'
// The PostgreSQL protocol carries at most 65 535 parameters in one statement.
const MAX_PARAMETERS = 60_000
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌玉兰晓东海燕鹏辉'

type Row<T extends PgTable> = T['$inferInsert']

const at = (day: string, hour: number, minute: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`)

/**
 * Inserts rows as one array per column (`insert … select * from unnest($1::uuid[], …)`): building a multi-row
 * insert costs drizzle about 50 µs a row, a minute for a province's month. Column names, types and value mapping
 * come from the drizzle table; tables with json or array columns, which unnest cannot carry, use drizzle's insert.
 * Arrays travel as text[] and are cast in SQL, so no driver has to serialise date[] and timestamptz[] itself.
 * A key that some rows leave out is null in those rows, not the column's default.
 */
async function insertAll<T extends PgTable>(db: Db, table: T, rows: Row<T>[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => key in r))
  if (columns.some(([, c]) => /json|\[\]/.test(c.getSQLType()))) {
    const size = Math.floor(MAX_PARAMETERS / columns.length)
    for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never)
    return
  }
  const arrays = columns.map(([key, column]) =>
    sql`${sql.param(rows.map((r) => {
      const value = (r as Record<string, unknown>)[key]
      return value === undefined || value === null ? null : column.mapToDriverValue(value)
    }))}::text[]::${sql.raw(column.getSQLType())}[]`,
  )
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `)
  await db.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`)
}

interface Posting {
  id: string
  personId: string
}
interface MonthRows {
  requests: Row<typeof leaveRequests>[]
  days: Row<typeof attendanceDays>[]
  events: Row<typeof attendanceEvents>[]
  absences: Row<typeof absences>[]
  escalations: Row<typeof escalations>[]
  audit: Row<typeof auditLog>[]
}

/** One posting's month: two days' leave now and then, a 补卡 rarely, a check-in and -out most workdays, 1 % absent. */
function recordMonth(out: MonthRows, p: Posting, approverId: string, calendar: { days: string[]; workdays: string[] }, rand: () => number) {
  const { days, workdays } = calendar
  const tenantId = TENANT
  const excused = new Set<string>()
  const grant = (kind: 'leave' | 'punchCorrection', from: string, to: string, requestedOn: string) => {
    const reason = kind === 'leave' ? '回原单位参加业务培训' : '下村巡诊，忘记签到'
    const request = { id: randomUUID(), number: out.requests.length + 1, tenantId, kind, postingId: p.id, personId: p.personId, startsOn: from, endsOn: to, reason, status: 'approved' as const, approverPersonId: approverId, decidedAt: at(requestedOn, 17, 0), createdAt: at(requestedOn, 16, 0) }
    out.requests.push(request)
    for (const d of eachDay(from, to)) excused.add(d)
    const pending = { ...request, status: 'pending' }
    out.audit.push(
      { tenantId, actorPersonId: p.personId, action: `${kind}.requested`, entity: 'leave_request', entityId: request.id, before: null, after: pending, at: request.createdAt },
      { tenantId, actorPersonId: approverId, action: `${kind}.approved`, entity: 'leave_request', entityId: request.id, before: pending, after: request, at: request.decidedAt },
    )
  }
  if (rand() < 0.15) {
    const start = 2 + Math.floor(rand() * (workdays.length - 4))
    grant('leave', workdays[start]!, workdays[start + 1]!, addDays(workdays[start]!, -3))
  }
  if (rand() < 0.05) {
    const day = workdays[Math.floor(rand() * (workdays.length - 2))]!
    if (!excused.has(day)) grant('punchCorrection', day, day, addDays(day, 2))
  }
  const working = new Set(workdays)
  for (const day of days) {
    const r = working.has(day) && !excused.has(day) ? rand() : null
    if (r === null) {
      out.days.push({ tenantId, postingId: p.id, day, status: working.has(day) ? 'excused' : 'notRequired' })
    } else if (r < 0.01) {
      const absenceId = randomUUID()
      out.days.push({ tenantId, postingId: p.id, day, status: 'unexcused' })
      out.absences.push({ id: absenceId, tenantId, postingId: p.id, day })
      out.escalations.push({ tenantId, postingId: p.id, absenceId, step: 1, actions: ['reprimandDoctor'], notifiedPersonIds: [p.personId, approverId] })
    } else {
      // Most check in before nine; one in ten after the 09:30 nudge.
      const checkInAt = r < 0.9 ? at(day, 8, Math.floor(rand() * 60)) : at(day, 10, Math.floor(rand() * 60))
      const checkOutAt = at(day, 17, 30 + Math.floor(rand() * 30))
      out.days.push({ tenantId, postingId: p.id, day, status: 'present', checkInAt, checkOutAt })
      out.events.push(
        { tenantId, postingId: p.id, personId: p.personId, kind: 'checkIn', occurredAt: checkInAt, platform: 'feishu', platformEventId: `${p.id}:${day}:in` },
        { tenantId, postingId: p.id, personId: p.personId, kind: 'checkOut', occurredAt: checkOutAt, platform: 'feishu', platformEventId: `${p.id}:${day}:out` },
      )
    }
  }
}

/**
 * A commission with `hospitals` hospitals (half supporting, half receiving, paired one to one), an office user over
 * all of them, and `postings` doctors posted all of `month`, each with a month as `recordMonth` writes it, and most
 * receiving hospitals' monthly reports filed (some after the 25th, so late).
 */
export async function seedMonth(db: Db, options: { month: string; postings: number; hospitals: number; seed: number }): Promise<MonthData> {
  const rand = random(options.seed)
  const tenantId = TENANT
  const { month } = options
  const days = eachDay(`${month}-01`, lastDayOf(month))
  const workdays = days.filter((d) => calendarDay(d, new Map(), false).status === 'workday')

  await db.insert(tenants).values({ id: tenantId, name: '基准：城乡对口支援' })
  const commissionId = randomUUID()
  await db.insert(orgs).values({ id: commissionId, tenantId, name: '示范省卫生健康委员会', level: 'commission', kind: 'commission', region: '示范省' })
  const pairs = options.hospitals / 2
  const hospital = (i: number, supporting: boolean) => ({
    id: randomUUID(),
    tenantId,
    parentId: commissionId,
    name: supporting ? `示范市第${i + 1}人民医院` : `示范县${i + 1}人民医院`,
    level: supporting ? ('tertiary' as const) : ('county' as const),
    kind: 'general' as const,
  })
  const supporting = Array.from({ length: pairs }, (_, i) => hospital(i, true))
  const receiving = Array.from({ length: pairs }, (_, i) => hospital(i, false))
  await insertAll(db, orgs, [...supporting, ...receiving])
  const pairRows = supporting.map((s, i) => ({ id: randomUUID(), tenantId, supportingOrgId: s.id, receivingOrgId: receiving[i]!.id, policyId: POLICY, startsOn: '2026-01-01', endsOn: '2028-12-31' }))
  await insertAll(db, supportPairs, pairRows)

  const officePersonId = randomUUID()
  const directors = receiving.map((r, i) => ({ id: randomUUID(), tenantId, name: `院长${i + 1}`, title: 'senior' as const, licence: 'physician' as const, employerOrgId: r.id }))
  const doctors = Array.from({ length: options.postings }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(rand() * GIVEN.length)]}${rand() < 0.5 ? GIVEN[Math.floor(rand() * GIVEN.length)] : ''}`
    return { id: randomUUID(), tenantId, name, title: 'intermediate' as const, licence: 'physician' as const, employerOrgId: supporting[i % pairs]!.id }
  })
  await insertAll(db, people, [{ id: officePersonId, tenantId, name: '孙主任', employerOrgId: commissionId }, ...directors, ...doctors])
  await insertAll(db, identities, [
    { tenantId, platform: 'feishu', externalId: 'ou_bench_office', personId: officePersonId },
    ...doctors.map((d, i) => ({ tenantId, platform: 'feishu' as const, externalId: `ou_bench_${i}`, personId: d.id })),
  ])
  await insertAll(db, roleAssignments, [
    { tenantId, personId: officePersonId, role: 'office', orgId: commissionId },
    ...directors.flatMap((d) => [
      { tenantId, personId: d.id, role: 'director' as const, orgId: d.employerOrgId },
      { tenantId, personId: d.id, role: 'approver' as const, orgId: d.employerOrgId },
    ]),
    ...doctors.map((d) => ({ tenantId, personId: d.id, role: 'doctor' as const, orgId: d.employerOrgId })),
  ])

  const postingRows = doctors.map((d, i) => {
    const pair = pairRows[i % pairs]!
    const startsOn = addDays(`${month}-01`, -Math.floor(rand() * 120))
    return { id: randomUUID(), tenantId, personId: d.id, supportPairId: pair.id, supportingOrgId: pair.supportingOrgId, receivingOrgId: pair.receivingOrgId, policyId: POLICY, mode: 'resident', startsOn, endsOn: addDays(startsOn, 364) }
  })
  await insertAll(db, postings, postingRows)

  const rows: MonthRows = { requests: [], days: [], events: [], absences: [], escalations: [], audit: [] }
  postingRows.forEach((p, i) => recordMonth(rows, p, directors[i % pairs]!.id, { days, workdays }, rand))
  await insertAll(db, leaveRequests, rows.requests)
  await insertAll(db, attendanceDays, rows.days)
  await insertAll(db, attendanceEvents, rows.events)
  await insertAll(db, absences, rows.absences)
  await insertAll(db, escalations, rows.escalations)

  const reports = receiving.flatMap((r, i) => {
    if (rand() >= 0.8) return []
    const submittedAt = at(`${month}-${String(18 + (i % 12)).padStart(2, '0')}`, 15, 0)
    const fields = { outpatientHalfDays: 18, rounds: 8, lectures: 2, lectureAttendees: 45, surgeries: 3, highlights: '开展首例腹腔镜胆囊切除术' }
    return [{ id: randomUUID(), tenantId, receivingOrgId: r.id, month, fields, submittedBy: directors[i]!.id, submittedAt, updatedAt: submittedAt }]
  })
  await insertAll(db, monthlyReports, reports)
  for (const r of reports) rows.audit.push({ tenantId, actorPersonId: r.submittedBy, action: 'report.submitted', entity: 'monthly_report', entityId: r.id, before: null, after: r, at: r.submittedAt })
  await insertAll(db, auditLog, rows.audit)

  return {
    tenantId,
    month,
    officePersonId,
    postings: postingRows.length,
    days: days.length,
    workdays: workdays.length,
    rows: {
      attendanceDays: rows.days.length,
      attendanceEvents: rows.events.length,
      leaveRequests: rows.requests.length,
      absences: rows.absences.length,
      monthlyReports: reports.length,
      audit: rows.audit.length,
    },
  }
}
