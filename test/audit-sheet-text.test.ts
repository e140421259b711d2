import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { auditChangeText } from '../src/usecases/export/audit-text'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN } from './support/imports'
import { openWorkbook, rowsOf } from './support/month-fixture'

const t = useTestDatabase()
beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-20T00:00:00Z'))
})

describe('the 审计 sheet reads as Chinese, not codes and JSON', () => {
  test('a leave filed and approved shows 提交请假 / 批准请假 and what changed, by field', async () => {
    const { app } = testApp(t.database, { now: '2026-11-23T02:00:00Z', env: { ADMIN_TOKEN } })
    const filed = await say(app, 'liuyang', '请假 11-24 至 11-25 进修', randomUUID())
    await say(testApp(t.database, { now: '2026-11-23T02:05:00Z' }).app, 'qianyuanzhang', `批准 ${/#(\d+)/.exec(filed.text)![1]} 同意`, randomUUID())
    const response = await app.request('/api/admin/exports/monthly?month=2026-11&tenant=demo', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    const audit = rowsOf(await openWorkbook(await response.arrayBuffer()), '审计')
    // The demo's own successor record is audited too (录入延续文件); this test is about the leave's rows.
    expect(audit.map((r) => r['操作']).filter((op) => String(op).includes('请假')).sort()).toEqual(['批准请假', '提交请假'])
    const filedRow = audit.find((r) => r['操作'] === '提交请假')!
    const approvedRow = audit.find((r) => r['操作'] === '批准请假')!
    expect(filedRow).toMatchObject({ 对象: '请假/补卡单', 变更前: '' })
    expect(filedRow['变更后']).toContain('状态：待审批')
    expect(filedRow['变更后']).toContain('开始日期：2026-11-24')
    expect(filedRow['变更后']).toContain('事由：进修')
    expect(approvedRow['变更前']).toBe('状态：待审批\n审批时间：（空）\n审批意见：（空）')
    expect(approvedRow['变更后']).toBe('状态：已批准\n审批时间：2026-11-23 10:05\n审批意见：同意')
    for (const row of audit) expect(`${row['变更前']}${row['变更后']}`).not.toMatch(/[{}"]/)
  })

  test('a 月报 change lists the report’s own labels', () => {
    expect(auditChangeText({ month: '2026-11', fields: { outpatientHalfDays: 10 } }, { month: '2026-11', fields: { outpatientHalfDays: 12, surgeries: 3 } }, 1000)).toEqual({
      before: '门诊（半天）：10\n手术（主刀或指导，台）：（空）',
      after: '门诊（半天）：12\n手术（主刀或指导，台）：3',
    })
  })
})
