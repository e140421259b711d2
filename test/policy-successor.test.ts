import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq, like } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { absences, attendanceDays, auditLog, outbox, people, policySuccessors, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { sweepDay } from '../src/usecases/attendance/sweep-day'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const TOKEN = 'test-admin-token-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
const notice2027 = readFileSync(join(import.meta.dirname, 'fixtures', 'holiday-notice-2027.test-fixture.txt'), 'utf8')

const YANTAI_2027 = {
  policy: 'yantai-2024',
  document: '烟卫〔2027〕3号',
  title: '关于继续实施乡村医疗卫生服务能力提质提效行动的通知（测试）',
  issuedOn: '2026-12-20',
  from: '2027-01-01',
  until: null,
  clause: '一',
  quote: '烟卫〔2024〕17号各项措施继续实施',
}

test('the office continues Yantai from 2027-01-01 and imports the 2027 notice: 2027-01-04 is judged, citing the successor', async () => {
  const { db } = t.database
  const { app, clock } = testApp(t.database, { now: '2026-11-01T02:00:00Z', env: { ADMIN_TOKEN: TOKEN } })
  await seedDemo(db, clock)
  clock.set('2026-12-21T02:00:00Z')
  const post = (path: string, body: string, type = 'application/json') => app.request(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body })

  // Mistakes are refused with what to fix, and nothing is written.
  const early = await post('/api/admin/policy-successors?tenant=demo', JSON.stringify({ ...YANTAI_2027, from: '2027-02-01' }))
  expect(early.status).toBe(422)
  expect(((await early.json()) as { error: { message: string } }).error.message).toContain('延续文件须自 2027-01-01 起')
  const unknown = await post('/api/admin/policy-successors?tenant=demo', JSON.stringify({ ...YANTAI_2027, overrides: [{ parameter: 'monthlyReportDay', value: 20, clause: '二', quote: '每月20日' }] }))
  expect(unknown.status).toBe(422)
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('参数“monthlyReportDay”不可由延续文件修改')
  const dry = await post('/api/admin/policy-successors?tenant=demo&dryRun=true', JSON.stringify(YANTAI_2027))
  expect(dry.status).toBe(200)
  expect(await db.select().from(policySuccessors).where(eq(policySuccessors.policyId, 'yantai-2024'))).toHaveLength(0)

  const entered = await post('/api/admin/policy-successors?tenant=demo', JSON.stringify(YANTAI_2027))
  expect(entered.status).toBe(201)
  const overlap = await post('/api/admin/policy-successors?tenant=demo', JSON.stringify({ ...YANTAI_2027, document: '烟卫〔2027〕9号' }))
  expect(overlap.status).toBe(422)
  expect(((await overlap.json()) as { error: { message: string } }).error.message).toContain('重叠')
  const list = (await (await app.request('/api/admin/policy-successors?tenant=demo', { headers: auth })).json()) as { successors: { document: string }[] }
  expect(list.successors.map((s) => s.document).sort()).toEqual(['演示数据（非真实文件）', '烟卫〔2027〕3号'])
  expect(await db.select().from(auditLog).where(eq(auditLog.entity, 'policy_successor'))).toHaveLength(2)

  const imported = await post('/api/admin/calendar/notice?tenant=demo&dryRun=false', notice2027, 'text/plain')
  expect(imported.status).toBe(200)
  const body = (await imported.json()) as { year: number; holidays: unknown[]; workdays: unknown[]; entered: number }
  expect(body).toMatchObject({ year: 2027, entered: body.holidays.length + body.workdays.length })
  expect(body.workdays).toContainEqual({ day: '2027-01-31', name: '春节' })
  const again = (await (await post('/api/admin/calendar/notice?tenant=demo', notice2027, 'text/plain')).json()) as { entered: number }
  expect(again.entered).toBe(0)
  const health = (await (await app.request('/healthz')).json()) as { calendar: { knownThrough: string } }
  expect(health.calendar.knownThrough).toBe('2027-12-31')

  // 2027-01-04 (a Monday): 刘洋 did not check in; the day is judged under the successor: 待核实, not 未判定.
  clock.set('2027-01-04T17:00:00Z')
  await sweepDay({ db, clock }, { tenantId: 'demo', day: '2027-01-04' })
  const [liu] = await db.select().from(postings).innerJoin(people, eq(people.id, postings.personId)).where(eq(people.name, '刘洋'))
  const [day] = await db.select().from(attendanceDays).where(and(eq(attendanceDays.postingId, liu!.postings.id), eq(attendanceDays.day, '2027-01-04')))
  expect(day!.status).toBe('unverified')
  // Not yet a finding: only the approver's confirmation or the grace period makes it one.
  expect(await db.select().from(absences).where(eq(absences.postingId, liu!.postings.id))).toHaveLength(0)
  expect(await db.select().from(outbox).where(like(outbox.idempotencyKey, 'calendar-unknown:%'))).toHaveLength(0)

  clock.set('2027-01-05T01:00:00Z')
  const me = await say(app, 'liuyang', '我的', 'm-liuyang-1')
  expect(me.text).toContain('烟卫〔2024〕17号 附件3 二(二)，经 烟卫〔2027〕3号 延续（2027-01-01 起）')
  // The demo's Henan doctors are judged too, under the demo successor, said as such.
  const zhang = await say(app, 'zhangwei', '我的', 'm-zhangwei-1')
  expect(zhang.text).toContain('经 演示数据（非真实文件） 延续（2021-01-01 起）')
})

test('ending a successor is an audit row, and 我的 under an ended pack says so in one sentence', async () => {
  const { db } = t.database
  const { app, clock } = testApp(t.database, { now: '2027-01-05T01:00:00Z', env: { ADMIN_TOKEN: TOKEN } })
  const [yantai] = await db.select().from(policySuccessors).where(eq(policySuccessors.document, '烟卫〔2027〕3号'))
  const ended = await app.request(`/api/admin/policy-successors/${yantai!.id}/end?tenant=demo`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ on: '2027-01-04' }) })
  expect(ended.status).toBe(200)
  expect(await db.select().from(policySuccessors).where(eq(policySuccessors.id, yantai!.id))).toHaveLength(1)
  expect((await db.select().from(auditLog).where(eq(auditLog.action, 'policy_successor.ended'))).map((a) => a.entityId)).toEqual([yantai!.id])
  clock.set('2027-01-05T02:00:00Z')
  const me = await say(app, 'liuyang', '我的', 'm-liuyang-2')
  expect(me.text).toContain('要求：烟卫〔2027〕3号已于2027-01-04结束，请联系医务科确认现行政策。')
})
