import { and, eq, gte, lte, max } from 'drizzle-orm'
import type { Db } from '../client'
import { calendarOverrides, type CalendarDayKind } from '../schema'

/** An admin's entries for one year, and whether the year has any (a year with entries counts as entered). */
export async function overridesForYear(db: Db, tenantId: string, year: number) {
  const rows = await db
    .select({ day: calendarOverrides.day, kind: calendarOverrides.kind, name: calendarOverrides.name })
    .from(calendarOverrides)
    .where(and(eq(calendarOverrides.tenantId, tenantId), gte(calendarOverrides.day, `${year}-01-01`), lte(calendarOverrides.day, `${year}-12-31`)))
  return { entries: new Map(rows.map((r) => [r.day, { kind: r.kind, name: r.name }])), entered: rows.length > 0 }
}

export async function setOverride(db: Db, entry: { tenantId: string; day: string; kind: CalendarDayKind; name: string; enteredBy: string | null }) {
  await db
    .insert(calendarOverrides)
    .values(entry)
    .onConflictDoUpdate({ target: [calendarOverrides.tenantId, calendarOverrides.day], set: { kind: entry.kind, name: entry.name, enteredBy: entry.enteredBy } })
}

/** The last day any tenant entered (for /healthz: how far the calendar is known), or null. */
export async function lastEnteredDay(db: Db): Promise<string | null> {
  const [row] = await db.select({ day: max(calendarOverrides.day) }).from(calendarOverrides)
  return row?.day ?? null
}

/** Whether a tenant entered any day of `year`. */
export async function yearEntered(db: Db, tenantId: string, year: number): Promise<boolean> {
  return (await overridesForYear(db, tenantId, year)).entered
}
