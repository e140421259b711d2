import { type ColumnsSelection, notInArray, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder'
import type { Db } from './client'

type IdsAndSeqs = TypedQueryBuilder<ColumnsSelection>

/**
 * The CTEs of a lease that takes the young first, in one statement: `young` (the young pass), `rest` (the rest pass,
 * without the young), and `chosen`, the young and then the rest, each part by seq, cut at `limit`: the rest is cut
 * there, and its earliest must be the ones kept. Both passes select `id` and `seq` of the leased table, locked.
 */
export function youngThenRest(db: Db, id: PgColumn, limit: number, passes: { young: IdsAndSeqs; rest: (notYoung: SQL) => IdsAndSeqs }) {
  const young = db.$with('young').as(passes.young)
  const rest = db.$with('rest').as(passes.rest(notInArray(id, sql`(select id from young)`)))
  const chosen = db.$with('chosen').as(
    db
      .select({ id: sql<string>`id`.as('id'), seq: sql<number>`seq`.as('seq'), first: sql<number>`0`.as('first') })
      .from(young)
      .unionAll(db.select({ id: sql<string>`id`.as('id'), seq: sql<number>`seq`.as('seq'), first: sql<number>`1`.as('first') }).from(rest))
      .orderBy(sql`first`, sql`seq`)
      .limit(limit),
  )
  return { ctes: [young, rest, chosen] as const, chosenIds: sql`(select id from chosen)`, isYoung: sql<boolean>`${id} in (select id from young)` }
}
