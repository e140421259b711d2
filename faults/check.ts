import { sql } from 'drizzle-orm'
import { type Db, rowsOf } from '../db/database'

/** What one fault check found: `detail` is one short line of what was measured (counts, ms, MB). */
export interface CheckResult {
  name: string
  ok: boolean
  detail: string
}

export { random as seededRandom } from '../src/demo/random'

/** Row counts of every table in the public schema, to show that a run wrote nothing (or what it wrote). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`))
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    counts[name] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "public"."${name}"`)))[0]!.n
  }
  return counts
}

/** The tables whose counts differ, as `table before→after`. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((t) => before[t] !== after[t]).map((t) => `${t} ${before[t] ?? 0}→${after[t] ?? 0}`)
}

/** Waits until `done()` is true or `ms` pass; returns whether it became true. */
export async function waitFor(done: () => boolean | Promise<boolean>, ms: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await done()) return true
    await new Promise((resolve) => setTimeout(resolve, stepMs))
  }
  return done()
}

export const MB = 1024 * 1024
