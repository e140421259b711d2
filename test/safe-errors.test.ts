import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { isTransientFailure, safeErrorText } from '../db/database'
import { tenants } from '../db/schema'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

test('a database error is told by its SQLSTATE, table and statement kind, never by the query’s parameters', async () => {
  const error = await t.database.db
    .insert(tenants)
    .values({ id: '张三的租户', name: null as unknown as string })
    .catch((e: unknown) => e)
  const text = safeErrorText(error)
  expect(text).toBe('database error 23502 (table tenants, in insert tenants)')
  expect(text).not.toContain('张三')
  expect(isTransientFailure(error)).toBe(false)
})

test('a value out of range is not worth retrying; a lock timeout or a full disk is', async () => {
  const outOfRange = await t.database.db.execute(sql`select ${'99999999999999999999'}::bigint`).catch((e: unknown) => e)
  expect(safeErrorText(outOfRange)).toBe('database error 22003 (in select)')
  expect(isTransientFailure(outOfRange)).toBe(false)
  expect(isTransientFailure(Object.assign(new Error('x'), { code: '55P03' }))).toBe(true)
  expect(isTransientFailure(Object.assign(new Error('x'), { code: '53100' }))).toBe(true)
  expect(isTransientFailure(new RangeError('Invalid time value'))).toBe(false)
})

test('any other error keeps its name and first line only', () => {
  expect(safeErrorText(new RangeError('Invalid time value\nmore'))).toBe('RangeError: Invalid time value')
})
