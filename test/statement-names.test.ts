import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { sql } from 'drizzle-orm'
import { type Database, rowsOf } from '../db/database'
import { openPostgres } from '../db/postgres'
import { statementNamer } from '../db/statement-names'
import { useTestDatabase } from './support/database'

describe('statement names', () => {
  test('a text is named on its second use, always with the same name, and one-off texts stay unnamed', () => {
    const nameOf = statementNamer()
    const claim = 'insert into processed_events (tenant_id) values ($1)'
    expect(nameOf(claim)).toBeUndefined()
    const name = nameOf(claim)
    expect(name).toMatch(/^duikou_[0-9a-f]{16}$/)
    expect(nameOf(claim)).toBe(name)
    expect(nameOf('select * from people where id = $1')).toBeUndefined()
    // Another process names the same text the same way, and another text differently.
    const elsewhere = statementNamer()
    elsewhere(claim)
    expect(elsewhere(claim)).toBe(name)
    elsewhere('select 2')
    expect(elsewhere('select 2')).not.toBe(name)
  })

  test('at most `max` texts are ever named: a text built from its input cannot fill every connection', () => {
    const nameOf = statementNamer({ max: 3 })
    const texts = Array.from({ length: 10 }, (_, n) => `select * from inbox where id in (${Array.from({ length: n + 1 }, (_, i) => `$${i + 1}`).join(', ')})`)
    for (const text of texts) nameOf(text)
    const names = texts.map(nameOf)
    expect(names.filter(Boolean)).toHaveLength(3)
    expect(names.slice(0, 3).every(Boolean)).toBe(true)
  })
})

const t = useTestDatabase()
let pool: Database | null = null
// One connection, so the statement is run again where it was prepared.
beforeAll(() => {
  if (t.url) pool = openPostgres(t.url, { max: 1 })
})
afterAll(() => pool?.close())

describe.skipIf(inject('testDatabase').driver !== 'postgres')('on a PostgreSQL server', () => {
  test('a statement run again is prepared on the connection, and gives the same rows as before', async () => {
    const db = pool!.db
    const query = (n: number) => db.execute(sql`select ${n}::int + count(*)::int as total from tenants`)
    const first = rowsOf<{ total: number }>(await query(1))
    const second = rowsOf<{ total: number }>(await query(2))
    const third = rowsOf<{ total: number }>(await query(3))
    expect([second[0]!.total - first[0]!.total, third[0]!.total - first[0]!.total]).toEqual([1, 2])
    const prepared = rowsOf<{ statement: string }>(await db.execute(sql`select statement from pg_prepared_statements`))
    expect(prepared.map((row) => row.statement)).toContain('select $1::int + count(*)::int as total from tenants')
  })

  test('a batch of many values is not prepared: its text changes with its size, and each size would keep a plan', async () => {
    const db = pool!.db
    const ids = Array.from({ length: 40 }, (_, i) => `t${i}`)
    const batch = () => db.execute(sql`select count(*)::int as n from tenants where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
    for (let i = 0; i < 3; i++) await batch()
    const prepared = rowsOf<{ statement: string }>(await db.execute(sql`select statement from pg_prepared_statements`))
    expect(prepared.some((row) => row.statement.includes('$40'))).toBe(false)
  })

  test('a transaction over prepared statements still rolls back whole', async () => {
    const db = pool!.db
    const count = async () => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tenants where id like 'prep-%'`))[0]!.n
    const insert = (tx: typeof db, id: string) => tx.execute(sql`insert into tenants (id, name) values (${id}, ${id})`)
    await insert(db, 'prep-a')
    await insert(db, 'prep-b')
    await expect(
      db.transaction(async (tx) => {
        await insert(tx, 'prep-c')
        await insert(tx, 'prep-a')
      }),
    ).rejects.toThrow()
    expect(await count()).toBe(2)
  })
})
