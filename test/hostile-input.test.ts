import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { createLeave } from '../db/repositories/leave'
import { leaveRequests, monthlyReports, people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant } from './support/imports'

const t = useTestDatabase()
// 10:00 in Asia/Shanghai on 2026-12-10: the demo's postings began on 2026-11-10.
const NOW = '2026-12-10T02:00:00Z'

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock(NOW))
  await createTenant(t.database, 'other')
})

const send = (user: string, text: string, tenant = 'demo') => say(testApp(t.database, { now: NOW, env: { CONSOLE_TENANT: tenant } }).app, user, text, randomUUID())

describe('the reproduced poison messages get a short, correct answer at once, and write nothing', () => {
  test.each([
    ['zhaoyuanzhang', '批准 99999999999999999999', '单号应为 1 到 2147483647 之间的整数，未作任何更改。'],
    ['zhaoyuanzhang', '批准 ９９', '没有找到单号 #99。'],
    ['sunzhuren', '导出 9999-12', '“9999-12”不在 2000—2099 年之间。请按“导出 2026-10”的格式给出月份。'],
    ['sunzhuren', '导出 0000-01', '“0000-01”不在 2000—2099 年之间。请按“导出 2026-10”的格式给出月份。'],
    ['sunzhuren', '导出 2026-13', '“2026-13”不是有效月份（例如 2026-11）。请按“导出 2026-10”的格式给出月份。'],
    ['zhangwei', '月报 2026-13 门诊=20', '月报未保存：“2026-13”不是有效月份（例如 2026-11）。\n示例：月报 2026-12 门诊=12 查房=8'],
    ['zhangwei', '月报 门诊=0x10', '月报未保存：门诊（半天）应填写 0 到 100000 之间的整数。\n示例：月报 门诊=12 查房=8 亮点=开展首例…'],
    ['zhangwei', '月报 门诊=1e3', '月报未保存：门诊（半天）应填写 0 到 100000 之间的整数。\n示例：月报 门诊=12 查房=8 亮点=开展首例…'],
    ['zhangwei', '资格 特岗全科 2016-13-01', '“2016-13-01”不是有效日期（例如 2026-11-24）。例如：资格 特岗全科 2016-05-01'],
    ['zhangwei', '请假 9999-12-30 至 9999-12-31 培训', '没有看懂日期。请这样发送：请假 12-11 至 12-13 事由'],
    ['sunzhuren', '统计 2026-13', '“2026-13”不是有效月份（例如 2026-11）。发送“统计”查看本月，或“统计 2026-12”查看指定月份。'],
  ])('%s: %s', async (user, text, answer) => {
    expect((await send(user, text)).text).toBe(answer)
  })

  test('none of them wrote a report or a leave request', async () => {
    expect(await t.database.db.select().from(monthlyReports)).toEqual([])
    expect(await t.database.db.select().from(leaveRequests)).toEqual([])
  })

  test('what is typed full-width or with ：/＝ is read as meant', async () => {
    const saved = await send('zhangwei', '月报 ２０２６－１２ 门诊：１２ 查房＝８')
    expect(saved.text).toContain('示范县人民医院 2026-12 月报已保存')
    expect(saved.text).toContain('门诊（半天）：12\n查房/教学查房（次）：8')
  })
})

describe('统计 YYYY-MM shows that month', () => {
  test('统计 2026-11 is November; 统计 alone is this month', async () => {
    expect((await send('sunzhuren', '统计 2026-11')).text).toMatch(/^2026-11 统计/)
    expect((await send('sunzhuren', '统计')).text).toMatch(/^2026-12 统计/)
  })
})

describe('the admin API answers a bad query with 400, never 500', () => {
  const get = async (path: string) => {
    const response = await testApp(t.database, { now: NOW, env: { ADMIN_TOKEN } }).app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } }
  }
  const cursor = (at: string) => Buffer.from(JSON.stringify({ at, id: randomUUID() })).toString('base64url')

  test.each([
    ['/api/admin/exports/monthly?month=9999-12', 'month must be YYYY-MM from 2000 to 2099'],
    ['/api/admin/exports/monthly?month=0000-01', 'month must be YYYY-MM from 2000 to 2099'],
    ['/api/admin/exports/monthly?month=2026-13', 'is not a month'],
    ['/api/admin/audit?from=0000-01-01', 'from must be'],
    ['/api/admin/audit?to=2026-02-30', 'is not a real date'],
    ['/api/admin/audit?from=0001-01-01T00:00:00Z', 'from must be'],
    [`/api/admin/audit?cursor=${cursor('not a time')}`, 'cursor is not one this API gave out'],
    [`/api/admin/audit?cursor=${cursor('0000-01-01T00:00:00Z')}`, 'cursor is not one this API gave out'],
  ])('%s', async (path, message) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toContain(message)
  })
})

describe('tenants are part of every key', () => {
  test('the same console message id in two tenants is two messages: neither is taken for the other’s duplicate', async () => {
    const messageId = randomUUID()
    const app = (tenant: string) => testApp(t.database, { now: NOW, env: { CONSOLE_TENANT: tenant } }).app
    expect((await say(app('other'), 'zhangwei', '签到', messageId)).text).toContain('还没有在对口支援助手中登记')
    expect((await say(app('demo'), 'zhangwei', '签到', messageId)).text).toContain('签到成功')
  })

  test('leave numbers are counted per tenant, so one tenant’s numbers say nothing of another’s', async () => {
    const [person] = await t.database.db.select().from(people).where(eq(people.name, '张伟'))
    const [posting] = await t.database.db.select().from(postings).where(eq(postings.personId, person!.id))
    const leave = (tenantId: string, day: string) =>
      t.database.db.transaction((tx) =>
        createLeave(tx, { tenantId, kind: 'leave', postingId: posting!.id, personId: person!.id, startsOn: day, endsOn: day, reason: '测试', approverPersonId: person!.id }),
      )
    const demo = [await leave('demo', '2026-12-14'), await leave('demo', '2026-12-15'), await leave('demo', '2026-12-16')]
    const other = await leave('other', '2026-12-14')
    expect(demo.map((l) => l.number)).toEqual([1, 2, 3])
    expect(other.number).toBe(1)
    await t.database.db.delete(leaveRequests)
  })
})
