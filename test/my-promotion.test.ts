import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { people, postings } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { handleMessage } from '../src/usecases/handle-message'
import { useTestDatabase } from './support/database'

describe('我的 answers the promotion question and the minimum stay (Henan 2016, 豫卫发〔2015〕2号 in force)', () => {
  const t = useTestDatabase()

  test('张伟, 主治医师 at a city hospital: what 副主任医师 needs, what counts so far, what is missing, a failed assessment said plainly', async () => {
    const { db } = t.database
    const clock = fixedClock('2016-10-01T02:00:00Z')
    const deps = { db, clock }
    await seedDemo(db, clock)
    const me = async () => (await handleMessage(deps, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: 'zhangwei', text: '我的' })).text

    const first = await me()
    expect(first).toContain('最短派驻期限：6个月，按计划期满即达到（依据：豫卫发〔2015〕2号 附件8 三(一)1、四(二)：“每名派驻人员连续驻点时间不得少于6个月”）')
    expect(first).toContain('职称晋升（拟晋升副高级职称（副主任医师））：对口支援服务条件未满足。已认可服务 0 天')
    expect(first).toContain('“凡没有开展对口支援或没有达到支援年限的，一律不得报考和申报相应的专业技术资格”')
    // What is missing: the running posting counts once it has lasted 6 months and passed its assessment.
    expect(first).toContain('示范县人民医院 2016-09-01 至 今（进行中，已连续 30 天）：连续满6个月后才计入，计划至 2017-02-28')
    expect(first).toContain('期满考核合格后才能计入')
    expect(first).toContain('援外、援藏、援疆、扶贫等经历按文件也可计入')

    // An earlier 6-month posting, assessed as passed, counts and adds up; one that failed its assessment does not.
    const [current] = await db.select().from(postings).innerJoin(people, eq(people.id, postings.personId)).where(eq(people.name, '张伟'))
    const { id: _id, createdAt: _c, ...base } = current!.postings
    await db.insert(postings).values([
      { ...base, startsOn: '2015-03-01', endsOn: '2015-08-31', status: 'completed', assessment: 'passed' },
      { ...base, startsOn: '2014-03-01', endsOn: '2014-08-31', status: 'completed', assessment: 'failed' },
    ])
    const second = await me()
    expect(second).toContain('已认可服务 184 天；最长一次连续驻点 6 个月')
    // The text demands 支援年限 without saying how many years: the answer stays open and says so.
    expect(second).toContain('对口支援服务条件尚不能确定')
    expect(second).toContain('文件要求达到支援年限，但未写明年限')
    expect(second).toContain('✗ 示范县人民医院 2014-03-01 至 2014-08-31 的派驻考核不合格，这段服务不计入')
  })

  test('a planned stay shorter than the minimum is said, with the date it would need', async () => {
    const { db } = t.database
    const clock = fixedClock('2016-10-01T02:00:00Z')
    await seedDemo(db, clock)
    const [wang] = await db.select().from(people).where(eq(people.name, '王芳'))
    await db.update(postings).set({ endsOn: '2016-12-31' }).where(eq(postings.personId, wang!.id))
    const reply = await handleMessage({ db, clock }, { platform: 'console', tenantId: 'demo', eventId: randomUUID(), senderExternalId: 'wangfang', text: '我的' })
    expect(reply.text).toContain('最短派驻期限：6个月，按计划期限不足，须至少派驻至 2017-02-28')
  })
})
