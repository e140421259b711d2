import { afterAll, describe, expect, test } from 'vitest'
import { openPostgres } from '../db/postgres'
import { isDatabaseUnavailable } from '../db/database'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { FEISHU_ENV, feishuRequest, messageEvent } from './support/feishu'

const t = useTestDatabase()
// Nothing listens on port 1: every connection is refused, as while PostgreSQL restarts.
const unreachable = openPostgres('postgres://duikou@127.0.0.1:1/duikou', { max: 2 })
afterAll(() => unreachable.close())

describe('a database that cannot be reached', () => {
  test('a platform webhook gets 503 with Retry-After, so the platform retries, and not a 500', async () => {
    const { app, clock } = testApp(unreachable, { env: FEISHU_ENV })
    const response = await app.request('/webhooks/feishu/events', feishuRequest(messageEvent({ openId: 'ou_someone', text: '签到' }), { now: clock.now() }))
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('1')
  })

  test('is told apart from a query that is wrong: that stays an error of ours', async () => {
    const refused = await unreachable.db.execute('select 1').catch((error: unknown) => error)
    expect(isDatabaseUnavailable(refused)).toBe(true)
    const wrong = await t.database.db.execute('select * from no_such_table').catch((error: unknown) => error)
    expect(wrong).toBeInstanceOf(Error)
    expect(isDatabaseUnavailable(wrong)).toBe(false)
  })
})
