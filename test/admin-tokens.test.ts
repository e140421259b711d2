import { beforeAll, describe, expect, test } from 'vitest'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { createTenant, csv, postImport, rowCounts } from './support/imports'

const t = useTestDatabase()
const HENAN_TOKEN = 'henan-only-token-0123456789'
const ALL_TOKEN = 'all-tenants-token-0123456789'
const env = { ADMIN_TOKEN: ALL_TOKEN, ADMIN_TOKENS: `bound-henan:${HENAN_TOKEN}` }
const ORGS = csv([
  ['名称', '层级'],
  ['测试县人民医院', '县级'],
])
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  await createTenant(t.database, 'bound-henan')
  await createTenant(t.database, 'bound-yantai')
})

describe('ADMIN_TOKENS: a token bound to tenants sees and changes only those', () => {
  test('it imports into its tenant, and with no ?tenant= its only tenant is the one meant', async () => {
    const { app } = testApp(t.database, { env })
    expect((await postImport(app, ORGS, { kind: 'roster', tenant: 'bound-henan', fileName: 'o.csv' }, bearer(HENAN_TOKEN))).status).toBe(200)
    expect((await postImport(app, ORGS, { kind: 'roster', dryRun: 'true', fileName: 'o.csv' }, bearer(HENAN_TOKEN))).status).toBe(200)
    expect((await rowCounts(t.database, 'bound-henan')).orgs).toBe(1)
  })

  test('another tenant, existing or not, is 403 and nothing is read or written', async () => {
    const { app } = testApp(t.database, { env })
    for (const tenant of ['bound-yantai', 'nobody']) {
      const { status, body } = await postImport(app, ORGS, { kind: 'roster', tenant, fileName: 'o.csv' }, bearer(HENAN_TOKEN))
      expect(status).toBe(403)
      expect(body.error).toMatchObject({ code: 'forbidden', message: `this token is not for tenant "${tenant}"` })
    }
    for (const path of ['/api/admin/audit?tenant=bound-yantai', '/api/admin/exports/monthly?month=2026-11&tenant=bound-yantai', '/api/admin/support-pairs/f0f0f0f0-0000-4000-8000-000000000000/agreement?tenant=bound-yantai']) {
      expect((await app.request(path, { headers: bearer(HENAN_TOKEN) })).status, path).toBe(403)
    }
    expect((await rowCounts(t.database, 'bound-yantai')).orgs).toBe(0)
  })

  test('ADMIN_TOKEN still sees every tenant; a token from neither list is 401', async () => {
    const { app } = testApp(t.database, { env })
    expect((await postImport(app, ORGS, { kind: 'roster', tenant: 'bound-yantai', fileName: 'o.csv' }, bearer(ALL_TOKEN))).status).toBe(200)
    expect((await postImport(app, ORGS, { kind: 'roster', tenant: 'bound-yantai', fileName: 'o.csv' }, bearer('neither-token-0123456789'))).status).toBe(401)
  })

  test('ADMIN_TOKENS alone turns the admin API on', async () => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKENS: `bound-henan:${HENAN_TOKEN}` } })
    expect((await app.request('/api/admin/audit', { headers: bearer(HENAN_TOKEN) })).status).toBe(200)
  })
})
