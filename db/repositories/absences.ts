import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Db, rowsOf } from '../database'
import { absences, attendanceDays, escalations, orgs, people, postings, type DayStatus } from '../schema'

const receiving = alias(orgs, 'receiving')
const supporting = alias(orgs, 'supporting')

function selectPostingFacts(db: Db) {
  return db
    .select({
      id: postings.id,
      tenantId: postings.tenantId,
      personId: postings.personId,
      personName: people.name,
      title: people.title,
      policyId: postings.policyId,
      mode: postings.mode,
      startsOn: postings.startsOn,
      endsOn: postings.endsOn,
      assessment: postings.assessment,
      receivingOrgId: postings.receivingOrgId,
      receivingOrgName: receiving.name,
      receivingLevel: receiving.level,
      supportingOrgId: postings.supportingOrgId,
      supportingOrgName: supporting.name,
    })
    .from(postings)
    .innerJoin(people, eq(people.id, postings.personId))
    .innerJoin(receiving, eq(receiving.id, postings.receivingOrgId))
    .innerJoin(supporting, eq(supporting.id, postings.supportingOrgId))
}

/** Postings running on `day`, with what the duty rules and the notices need to know about them. */
export async function postingsRunningOn(db: Db, tenantId: string, day: string) {
  // A stable order keeps notices that name "the first of several" the same from run to run.
  return selectPostingFacts(db)
    .where(and(eq(postings.tenantId, tenantId), eq(postings.status, 'active'), lte(postings.startsOn, day), gte(postings.endsOn, day)))
    .orderBy(asc(postings.startsOn), asc(postings.id))
}

export async function postingFacts(db: Db, postingId: string) {
  const [row] = await selectPostingFacts(db).where(eq(postings.id, postingId))
  return row!
}
export type RunningPosting = Awaited<ReturnType<typeof postingsRunningOn>>[number]

/**
 * Settles a day's status; a day that was checked in or excused keeps that status, and so does one already on the way
 * from doubt to finding (待核实, 不计, a finding) unless `force` moves it on.
 */
export async function settleDay(db: Db, key: { tenantId: string; postingId: string; day: string }, status: DayStatus, options: { force?: boolean } = {}) {
  const kept = options.force ? sql`false` : sql`${attendanceDays.status} in ('unverified', 'notCounted', 'unexcused')`
  const [row] = await db
    .insert(attendanceDays)
    .values({ ...key, status })
    .onConflictDoUpdate({
      target: [attendanceDays.postingId, attendanceDays.day],
      set: {
        status: sql`case when ${attendanceDays.checkInAt} is not null then 'present' when ${attendanceDays.status} = 'excused' then 'excused' when ${kept} then ${attendanceDays.status} else ${status} end`,
      },
    })
    .returning()
  return row!
}

/** Records an unexcused absence once; returns it only the first time. */
export async function recordAbsence(db: Db, key: { tenantId: string; postingId: string; day: string }) {
  const [row] = await db.insert(absences).values(key).onConflictDoNothing({ target: [absences.postingId, absences.day] }).returning()
  return row ?? null
}

export async function countUnexcused(db: Db, postingId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(absences).where(and(eq(absences.postingId, postingId), eq(absences.status, 'unexcused')))
  return row?.n ?? 0
}

export async function recordEscalation(db: Db, e: typeof escalations.$inferInsert) {
  const [row] = await db.insert(escalations).values(e).onConflictDoNothing({ target: escalations.absenceId }).returning()
  return row ?? null
}

export async function setAssessment(db: Db, postingId: string, assessment: 'pending' | 'failed') {
  await db.update(postings).set({ assessment }).where(eq(postings.id, postingId))
}

/** Unexcused absences on these days, with their escalation, for withdrawal when the days become excused. */
export async function absencesOn(db: Db, postingId: string, days: string[]) {
  if (days.length === 0) return []
  return db
    .select({ absence: absences, escalation: escalations })
    .from(absences)
    .leftJoin(escalations, eq(escalations.absenceId, absences.id))
    .where(and(eq(absences.postingId, postingId), eq(absences.status, 'unexcused'), inArray(absences.day, days)))
    .for('update', { of: absences })
}

export async function withdrawAbsence(db: Db, absenceId: string, at: Date) {
  await db.update(absences).set({ status: 'withdrawn' }).where(eq(absences.id, absenceId))
  await db.update(escalations).set({ withdrawnAt: at }).where(eq(escalations.absenceId, absenceId))
}

/** Office holders responsible for an org: those of the nearest ancestor (or the org itself) that has any. */
export async function officeFor(db: Db, tenantId: string, orgId: string): Promise<string[]> {
  const rows = await db.execute(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from orgs where id = ${orgId} and tenant_id = ${tenantId}
      union all
      select o.id, o.parent_id, c.depth + 1 from orgs o join chain c on o.id = c.parent_id
    )
    select r.person_id as "personId", c.depth from chain c
    join role_assignments r on r.org_id = c.id and r.role = 'office'
    order by c.depth, r.created_at`)
  const list = rowsOf<{ personId: string; depth: number }>(rows)
  const nearest = list[0]?.depth
  return list.filter((r) => r.depth === nearest).map((r) => r.personId)
}

/** Postings on post for the whole of [from, to]: a shortfall is judged over full periods only. */
export async function postingsCovering(db: Db, tenantId: string, from: string, to: string) {
  return selectPostingFacts(db)
    .where(and(eq(postings.tenantId, tenantId), eq(postings.status, 'active'), lte(postings.startsOn, from), gte(postings.endsOn, to)))
    .orderBy(asc(postings.startsOn), asc(postings.id))
}

/**
 * Of `postingIds`, those a check-in nudge leaves alone on `day`, in one query: checked in, excused (approved leave or
 * 补卡), or with leave asked for or approved that day. The 09:30 nudge runs while doctors check in; on the embedded
 * database its transaction holds the engine, so it must not spend queries on each doctor who did check in.
 */
export async function postingsCheckedInExcusedOrOnLeave(db: Db, postingIds: readonly string[], day: string): Promise<Set<string>> {
  if (postingIds.length === 0) return new Set()
  const ids = sql`${sql.param([...postingIds])}::uuid[]`
  const rows = rowsOf<{ posting_id: string }>(
    await db.execute(sql`
      select posting_id from attendance_days
        where posting_id = any(${ids}) and day = ${day} and (check_in_at is not null or status = 'excused')
      union
      select posting_id from leave_requests
        where posting_id = any(${ids}) and kind = 'leave' and status in ('pending', 'approved') and starts_on <= ${day} and ends_on >= ${day}`),
  )
  return new Set(rows.map((r) => r.posting_id))
}
