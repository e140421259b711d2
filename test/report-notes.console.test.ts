import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

const as = (now: string) => {
  const { app } = testApp(t.database, { now })
  return (user: string, text: string) => say(app, user, text, randomUUID())
}

describe('the shared 月报 says what it overwrote, and whether it can still change', () => {
  test('赵院长 changing 张伟’s 门诊 is told the old value and who saved it; his own new field is no overwrite', async () => {
    await as('2026-11-10T02:00:00Z')('zhangwei', '月报 门诊=10 查房=8')
    const changed = await as('2026-11-12T02:00:00Z')('zhaoyuanzhang', '月报 门诊=12 手术=3')
    expect(changed.text).toContain('注意：以下项目原为张伟（2026-11-10）填写，已改为新值：\n门诊（半天）：10 → 12')
    expect(changed.text).not.toContain('查房/教学查房（次）：8 →')
    expect(changed.text).toMatch(/截止 2026-11-25 前可继续修改。$/)
    const own = await as('2026-11-13T02:00:00Z')('zhaoyuanzhang', '月报 手术=4')
    expect(own.text).not.toContain('注意')
  })

  test('a late first report does not promise it can still be changed', async () => {
    const late = await as('2026-11-26T02:00:00Z')('wangfang', '月报 门诊=6')
    expect(late.text).toContain('（已逾期，截止日期为 2026-11-25）')
    expect(late.text).not.toContain('前可继续修改')
    expect(late.text).toMatch(/截止日期 2026-11-25 已过，之后不能再修改；如需更正请联系医务科。$/)
  })
})
