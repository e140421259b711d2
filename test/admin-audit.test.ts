import { beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '../db/schema'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant } from './support/imports'

const t = useTestDatabase()
const TENANT = 'audit-tenant'

beforeAll(async () => {
  await createTenant(t.database, TENANT)
  await createTenant(t.database, 'demo')
  // Five rows a minute apart, two of them at the very same instant (the cursor must not skip or repeat either).
  const at = (m: number) => new Date(Date.UTC(2026, 10, 10, 2, m))
  await t.database.db.insert(auditLog).values([
    { tenantId: TENANT, action: 'import.created', entity: 'org', entityId: 'o1', before: null, after: { name: '一' }, at: at(0) },
    { tenantId: TENANT, action: 'import.created', entity: 'person', entityId: 'p1', before: null, after: { name: '二' }, at: at(1) },
    { tenantId: TENANT, action: 'import.updated', entity: 'org', entityId: 'o1', before: { name: '一' }, after: { name: '壹' }, at: at(2) },
    { tenantId: TENANT, action: 'report.submitted', entity: 'monthly_report', entityId: 'r1', before: null, after: {}, at: at(2) },
    { tenantId: TENANT, action: 'leave.requested', entity: 'leave_request', entityId: 'l1', before: null, after: {}, at: new Date('2026-11-12T01:00:00Z') },
    { tenantId: 'demo', action: 'elsewhere', entity: 'org', entityId: 'x', before: null, after: null, at: at(3) },
  ])
})

const get = async (query: string, headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` }) => {
  const response = await testApp(t.database, { env: { ADMIN_TOKEN } }).app.request(`/api/admin/audit?${query}`, { headers })
  return { status: response.status, body: (await response.json()) as any }
}

describe('GET /api/admin/audit', () => {
  test('rows of the tenant, newest first, with who, what, when and before/after', async () => {
    const { status, body } = await get(`tenant=${TENANT}`)
    expect(status).toBe(200)
    expect(body.rows.map((r: any) => r.entityId)).toEqual(['l1', expect.any(String), expect.any(String), 'p1', 'o1'])
    expect(body.rows[0]).toMatchObject({ at: '2026-11-12T01:00:00.000Z', actor: null, actorLabel: null, action: 'leave.requested', entity: 'leave_request', before: null, after: {} })
    expect(body.nextCursor).toBeNull()
  })

  test('a change made by no person names who made it: the CLI with its OS account and machine', async () => {
    await t.database.db.insert(auditLog).values({ tenantId: 'demo', actorLabel: '命令行（root@county-server）', action: 'import.created', entity: 'posting', entityId: 'cli-1', before: null, after: {}, at: new Date('2026-11-11T01:00:00Z') })
    const { body } = await get('tenant=demo&entity=posting')
    expect(body.rows).toEqual([expect.objectContaining({ entityId: 'cli-1', actor: null, actorLabel: '命令行（root@county-server）' })])
  })

  test('pages with limit and cursor cover every row once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const { status, body }: { status: number; body: any } = await get(`tenant=${TENANT}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(status).toBe(200)
      expect(body.rows.length).toBeLessThanOrEqual(2)
      seen.push(...body.rows.map((r: any) => `${r.entity}:${r.entityId}:${r.action}`))
      cursor = body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
  })

  test('from/to (days in Asia/Shanghai, `to` inclusive) and entity filter', async () => {
    expect((await get(`tenant=${TENANT}&from=2026-11-11`)).body.rows.map((r: any) => r.entityId)).toEqual(['l1'])
    expect((await get(`tenant=${TENANT}&to=2026-11-10`)).body.rows).toHaveLength(4)
    expect((await get(`tenant=${TENANT}&entity=org`)).body.rows.map((r: any) => r.action)).toEqual(['import.updated', 'import.created'])
    expect((await get(`tenant=${TENANT}&from=2026-11-10T10:01:00%2B08:00&to=2026-11-10T10:02:00%2B08:00`)).body.rows.map((r: any) => r.entityId)).toEqual(['p1'])
  })

  test('bad parameters → 400; unknown tenant → 404; missing or wrong bearer → 401', async () => {
    expect((await get('limit=0')).status).toBe(400)
    expect((await get('from=yesterday')).status).toBe(400)
    const badCursor = await get('cursor=not-a-cursor')
    expect(badCursor.status).toBe(400)
    expect(badCursor.body.error.message).toContain('cursor')
    expect((await get('tenant=nobody')).status).toBe(404)
    expect((await get(`tenant=${TENANT}`, {})).status).toBe(401)
    expect((await get(`tenant=${TENANT}`, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401)
  })
})
