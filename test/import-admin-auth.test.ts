import { beforeAll, describe, expect, test } from 'vitest'
import { sameSecret } from '../src/app/admin-auth'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant, csv, postImport, rowCounts } from './support/imports'

const t = useTestDatabase()
const ORGS = csv([
  ['名称', '层级'],
  ['测试县人民医院', '县级'],
])

beforeAll(async () => {
  await createTenant(t.database, 'auth-tenant')
  await createTenant(t.database, 'demo')
})

describe('the admin API’s bearer token guard', () => {
  test.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token' }],
    ['the right token under another scheme', { authorization: `Basic ${ADMIN_TOKEN}` }],
    ['the right token with a suffix', { authorization: `Bearer ${ADMIN_TOKEN}x` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('%s → 401 in the one error shape, nothing written', async (_case, headers) => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN } })
    const { status, body } = await postImport(app, ORGS, { kind: 'roster', tenant: 'auth-tenant', fileName: 'o.csv' }, headers)
    expect(status).toBe(401)
    expect(body.error).toMatchObject({ code: 'unauthorized', message: 'missing or wrong bearer token' })
    expect((await rowCounts(t.database, 'auth-tenant')).orgs).toBe(0)
  })

  test('without ADMIN_TOKEN configured the admin API answers 503 "admin API disabled", whatever the header says', async () => {
    const { app } = testApp(t.database)
    const { status, body } = await postImport(app, ORGS, { kind: 'roster', tenant: 'auth-tenant' }, { authorization: 'Bearer anything-at-all-123' })
    expect(status).toBe(503)
    expect(body.error).toMatchObject({ code: 'admin_disabled' })
    expect(body.error!.message).toContain('admin API disabled')
  })

  test('an unknown admin route behind a wrong token is a 401, not a 404 that maps the API', async () => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN } })
    const response = await app.request('/api/admin/nothing-here', { method: 'POST' })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('Bearer')
  })

  test('the right token passes (the scheme is case-insensitive)', async () => {
    const { app } = testApp(t.database, { env: { ADMIN_TOKEN } })
    const { status } = await postImport(app, ORGS, { kind: 'roster', tenant: 'auth-tenant', dryRun: 'true' }, { authorization: `bearer ${ADMIN_TOKEN}` })
    expect(status).toBe(200)
  })

  test('sameSecret compares whole secrets', async () => {
    expect(await sameSecret(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true)
    expect(await sameSecret(ADMIN_TOKEN.slice(0, -1), ADMIN_TOKEN)).toBe(false)
    expect(await sameSecret('', ADMIN_TOKEN)).toBe(false)
  })
})

describe('POST /api/admin/imports: request checks', () => {
  const app = () => testApp(t.database, { env: { ADMIN_TOKEN } }).app

  test('an unknown tenant is a 404; no tenant given means the console tenant', async () => {
    const unknown = await postImport(app(), ORGS, { kind: 'roster', tenant: 'no-such-tenant' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({ code: 'unknown_tenant' })
    const byDefault = await postImport(app(), ORGS, { kind: 'roster', dryRun: 'true' })
    expect(byDefault.status).toBe(200)
    expect(byDefault.body.created.orgs).toBe(1)
  })

  test.each([
    ['no kind', { dryRun: 'true' }, 'kind'],
    ['an unknown kind', { kind: 'excel' }, 'kind'],
    ['dryRun that is not true/false', { kind: 'roster', dryRun: 'yes' }, 'dryRun must be "true" or "false"'],
  ])('%s → 400 naming the parameter', async (_case, query, message) => {
    const { status, body } = await postImport(app(), ORGS, query)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'invalid_request' })
    expect(body.error!.message).toContain(message)
  })

  test('an empty body or a multipart form without `file` → 400', async () => {
    expect((await postImport(app(), new Uint8Array(), { kind: 'roster' })).status).toBe(400)
    const form = new FormData()
    form.append('other', 'x')
    const response = await app().request('/api/admin/imports?kind=roster', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form })
    expect(response.status).toBe(400)
  })
})
