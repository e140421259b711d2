import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { rowsOf } from '../db/database'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { consoleAt } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const at = consoleAt(t)
const version = async () => Number(rowsOf<{ version: string }>(await t.database.db.execute(sql`select version from roster_version`))[0]!.version)

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

describe('the chat handler remembers senders and postings only while the roster is unchanged', () => {
  test('a posting an office ends behind the server’s back is ended for the next 签到', async () => {
    expect((await at('2026-12-01T00:10:00Z')('zhangwei', '签到')).text).toContain('签到成功')
    expect((await at('2026-12-01T09:30:00Z')('zhangwei', '签退')).text).toContain('签退')
    // Written as any other process would: plain SQL, no code of the handler's.
    await t.database.db.execute(sql`update postings set ends_on = '2026-12-01' where person_id = (select id from people where name = '张伟')`)
    expect((await at('2026-12-02T00:10:00Z')('zhangwei', '签到')).text).toContain('已于 2026-12-01 结束')
  })

  test('an account linked to someone else answers as them at once', async () => {
    expect((await at('2026-12-02T00:11:00Z')('wangfang', '签到')).text).toContain('签到成功')
    await t.database.db.execute(sql`update identities set person_id = (select id from people where name = '张伟') where platform = 'console' and external_id = 'wangfang'`)
    expect((await at('2026-12-02T00:12:00Z')('wangfang', '签到')).text).toContain('已于 2026-12-01 结束')
  })

  test('the version moves once per committed transaction, never for one rolled back', async () => {
    const before = await version()
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update people set name = name || '' where tenant_id = 'demo'`)
        tx.rollback()
      })
      .catch(() => {})
    expect(await version()).toBe(before)
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update people set name = name where tenant_id = 'demo'`)
      await tx.execute(sql`update orgs set name = name where tenant_id = 'demo'`)
    })
    expect(await version()).toBe(before + 1)
  })
})
