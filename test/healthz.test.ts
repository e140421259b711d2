import { describe, expect, test } from 'vitest'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

describe('GET /healthz', () => {
  test('reports the database reachable, the migration level and the version', async () => {
    const { app } = testApp(t.database)
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, any>
    expect(body.ok).toBe(true)
    expect(body.version).toBe('test')
    expect(body.db).toEqual({ reachable: true, driver: t.database.driver })
    expect(body.migrations.upToDate).toBe(true)
    expect(body.migrations.applied).toBeGreaterThan(0)
    expect(body.migrations.latest).toMatch(/^\d{4}_/)
  })

  test('answers 503 when the database is gone', async () => {
    const { openDatabase } = await import('../db/client')
    const other = await openDatabase({ driver: 'pglite', dataDir: null })
    const { app } = testApp(other)
    await other.close()
    const response = await app.request('/healthz')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { db: { reachable: boolean } }).db.reachable).toBe(false)
  })

  test('unknown routes get a JSON 404', async () => {
    const { app } = testApp(t.database)
    const response = await app.request('/nope')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})
