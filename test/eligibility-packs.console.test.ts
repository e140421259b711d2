import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { say, testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
})

const ask = async (user: string, text: string) => {
  const { app } = testApp(t.database, { now: '2026-11-23T02:00:00Z' })
  return (await say(app, user, text, randomUUID())).text
}

test('a doctor posted under the Yantai pack is told it holds no eligibility programmes, with who may be sent and the duty, not Henan’s 13', async () => {
  const reply = await ask('liuyang', '资格')
  expect(reply).toContain('您的派驻按《烟台市乡村医疗卫生服务能力提质提效三年行动》（烟卫〔2024〕17号）执行，该文件没有资格类计划')
  expect(reply).toContain('可选派人员：')
  // 刘洋 serves in a team at a township centre: that duty, not the village ones.
  expect(reply).toContain('中心乡镇卫生院、乡镇卫生院、社区卫生服务机构·组团式派驻：连续驻点不少于1年（附件3 二(二)）')
  expect(reply).not.toContain('村卫生室·巡回医疗')
  expect(reply).not.toContain('为评估')
  expect(reply).not.toContain('基层住院（全科）医师规范化培训计划')
  expect(reply).toContain('发送“资格 计划名”可评估其他文件的计划')
})

test('the same doctor naming a programme still gets it evaluated', async () => {
  expect(await ask('liuyang', '资格 特岗全科 2016-05-01')).toContain('为评估 1 项计划（按 2016-05-01 的政策）')
})

test('a Henan-posted doctor is asked about the Henan programmes only, without a note on other packs', async () => {
  const reply = await ask('zhangwei', '资格')
  expect(reply).not.toContain('没有资格类计划')
  expect(reply).toMatch(/为评估 13 项计划|资格评估结果/)
})

test('someone not posted is answered about this deployment’s packs: the Henan programmes, and what the Yantai pack holds instead', async () => {
  const reply = await ask('applicant-packs', '资格')
  expect(reply).toContain('本单位的对口支援也按《烟台市乡村医疗卫生服务能力提质提效三年行动》（烟卫〔2024〕17号）执行，该文件没有资格类计划')
  expect(reply).toContain('村卫生室·巡回医疗：每周不少于2次，每次不少于半天（附件3 二(三)）')
  expect(reply).toContain('为评估 13 项计划')
})

test('in English the note is English', async () => {
  const reply = await ask('liuyang', 'eligibility')
  expect(reply).toContain('which holds no eligibility programmes')
  expect(reply).toContain('Duty pattern:')
})
