import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { conversations, identities, orgs, people, policySuccessors } from '../db/schema'
import { findPersonFacts } from '../db/repositories/people'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { endSuccessor } from '../src/usecases/policy/end-successor'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

/** A console session as one user: each line gets its own message id, as typed lines do. */
function session(user: string, now = '2026-11-23T02:00:00Z') {
  const { app, clock } = testApp(t.database, { now })
  return { clock, send: async (text: string) => (await say(app, user, text, randomUUID())).text }
}

describe('资格 in the console: a question-by-question dialogue', () => {
  test('an applicant nobody registered is asked only what the programme needs, then gets the answer with clauses', async () => {
    const chat = session('applicant-1')
    const first = await chat.send('资格 特岗全科 2016-05-01')
    expect(first).toContain('为评估 1 项计划（按 2016-05-01 的政策）')
    const answers: Record<string, string> = {
      出生日期: '1976-03-02',
      执业资格: '3',
      执业范围: '否',
      全科医生培训: '否',
      临床医疗工作: '10',
      二级以上医院: '是',
      工作单位层级: '5',
      是否在编: '是',
      是否在岗: '是',
    }
    let reply = first
    for (let turn = 0; turn < 12 && !reply.includes('资格评估结果'); turn++) {
      const topic = Object.keys(answers).find((k) => reply.includes(k))
      expect(topic, `unexpected question: ${reply}`).toBeDefined()
      reply = await chat.send(answers[topic!]!)
    }
    expect(reply).toContain('✅ 全科医生特设岗位计划（特岗全科医生）：符合')
    expect(reply).toContain('依据：豫卫发〔2015〕2号 附件2')
    expect(reply).toContain('可享受的待遇')
  })

  test('a registered doctor is not asked what the database knows (title, licence)', async () => {
    const chat = session('zhangwei')
    let reply = await chat.send('资格 规培 2016-05-01')
    const asked: string[] = [reply]
    for (let turn = 0; turn < 15 && !reply.includes('资格评估结果'); turn++) {
      reply = await chat.send('跳过')
      asked.push(reply)
    }
    expect(asked.join('\n')).not.toMatch(/执业资格|职称/)
    expect(reply).toContain('基层住院（全科）医师规范化培训计划')
  })

  test('a registered employer level is used where the roster level is an administrative one, asked where it is a hospital grade', async () => {
    const asks = async (user: string) => {
      const chat = session(user)
      let reply = await chat.send('资格 规培 2016-05-01')
      const asked = [reply]
      for (let turn = 0; turn < 15 && !reply.includes('资格评估结果'); turn++) asked.push((reply = await chat.send('跳过')))
      return asked.join('\n')
    }
    // 刘洋 works at a county hospital: the level is known. 张伟 works at a 三级 hospital: a grade, not a level.
    expect(await asks('liuyang')).not.toContain('工作单位层级')
    expect(await asks('zhangwei')).toContain('工作单位层级')
  })

  test('someone registered at a department of a 中心乡镇卫生院 counts as working at a 乡镇卫生院', async () => {
    const { db } = t.database
    const [centre] = await db.insert(orgs).values({ tenantId: 'demo', name: '示范县某中心卫生院（测试）', level: 'centralTownship', kind: 'general' }).returning()
    const [ward] = await db.insert(orgs).values({ tenantId: 'demo', name: '示范县某中心卫生院内科（测试）', level: 'department', kind: 'other', parentId: centre!.id }).returning()
    const [person] = await db.insert(people).values({ tenantId: 'demo', name: '测试医师', employerOrgId: ward!.id }).returning()
    expect(await findPersonFacts(db, person!.id)).toMatchObject({ employerLevel: 'centralTownship', employerKind: 'general' })
    await db.insert(identities).values({ tenantId: 'demo', platform: 'console', externalId: 'ward-doctor', personId: person!.id })
    const reply = await session('ward-doctor').send('资格 规培 2016-05-01 education.level=bachelor education.major=clinical')
    expect(reply).toContain('✅ 基层住院（全科）医师规范化培训计划：符合')
    expect(reply).toContain('工作单位为乡镇卫生院')
  })

  test('a wrong answer is explained and the question repeated; 取消 ends the dialogue', async () => {
    const chat = session('applicant-2')
    const question = (await chat.send('资格 特岗全科 2016-05-01')).split('\n').slice(1).join('\n')
    const wrong = await chat.send('明年')
    expect(wrong).toMatch(/^请(回答|回复|按|填写)/)
    expect(wrong).toContain(question)
    expect(await chat.send('取消')).toBe('已取消资格评估。')
    expect(await chat.send('是')).toContain('抱歉，没能理解“是”')
  })

  test('commands still work in the middle of a dialogue, and the dialogue goes on after', async () => {
    const chat = session('zhangwei', '2026-11-23T00:30:00Z')
    const question = (await chat.send('资格 特岗全科 2016-05-01')).split('\n')[1]!
    expect(question).toContain('请问')
    expect(await chat.send('签到')).toContain('签到成功')
    expect(await chat.send('跳过')).not.toContain(question)
  })

  test('a dialogue left alone for more than 30 minutes is dropped', async () => {
    const chat = session('applicant-3')
    await chat.send('资格 特岗全科 2016-05-01')
    chat.clock.advance(31 * 60_000)
    expect(await chat.send('跳过')).toContain('抱歉，没能理解“跳过”')
  })

  test('today, without a successor, every Henan 2015 programme is over and the answer says so in one line, without questions', async () => {
    // The demo continues the Henan pack with a demo successor; end it before it starts to ask as a tenant without one.
    const [demo] = await t.database.db.select().from(policySuccessors).where(eq(policySuccessors.tenantId, 'demo'))
    await endSuccessor({ db: t.database.db, clock: fixedClock('2026-11-23T00:00:00Z') }, { tenantId: 'demo', id: demo!.id, on: '2020-12-31', actor: { personId: null, label: 'test' } })
    const chat = session('applicant-4')
    const reply = await chat.send('资格')
    expect(reply).toContain('豫卫发〔2015〕2号的各计划已于2015-12-31、2020-12-31结束；发送“资格 计划名 日期”可按当年条件评估')
    expect(reply).not.toContain('不符合（')
    const [open] = await t.database.db.select({ n: count() }).from(conversations)
    expect(open!.n).toBeLessThanOrEqual(4)
  })

  test('English in, English out; an unknown programme phrase is named back', async () => {
    const chat = session('applicant-5')
    expect(await chat.send('eligibility 2016-05-01')).toContain('I need a few facts to check 13 programme(s) as of 2016-05-01')
    expect(await chat.send('cancel')).toBe('Eligibility check cancelled.')
    expect(await chat.send('资格 宇航员')).toBe('没有找到与“宇航员”匹配的计划。直接发送“资格”可评估全部计划。')
  })
})
