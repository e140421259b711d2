import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../client'
import { jobRuns, tenants } from '../schema'

/** Claims a job period; false when it ran (or is running) already. */
export async function claimJobRun(db: Db, run: { tenantId: string; job: string; periodKey: string; at: Date }): Promise<string | null> {
  const [row] = await db
    .insert(jobRuns)
    .values({ tenantId: run.tenantId, job: run.job, periodKey: run.periodKey, startedAt: run.at })
    .onConflictDoNothing({ target: [jobRuns.tenantId, jobRuns.job, jobRuns.periodKey] })
    .returning({ id: jobRuns.id })
  return row?.id ?? null
}

export async function finishJobRun(db: Db, id: string, at: Date) {
  await db.update(jobRuns).set({ finishedAt: at }).where(eq(jobRuns.id, id))
}

/** The newest period a job finished for a tenant. Period keys sort as they run (YYYY-MM-DD, YYYY-MM…). */
export async function lastFinishedPeriod(db: Db, tenantId: string, job: string): Promise<string | null> {
  const [row] = await db
    .select({ periodKey: jobRuns.periodKey })
    .from(jobRuns)
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, job), isNotNull(jobRuns.finishedAt)))
    .orderBy(desc(jobRuns.periodKey))
    .limit(1)
  return row?.periodKey ?? null
}

export async function allTenants(db: Db) {
  return db.select({ id: tenants.id, createdAt: tenants.createdAt }).from(tenants)
}
