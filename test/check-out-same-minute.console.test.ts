import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { consoleAt } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-12-01T00:00:00Z'))
})

const at = consoleAt(t)

test('a second 签退 within the same minute says nothing changed; a later one still updates the time', async () => {
  await at('2026-12-01T01:00:00Z')('zhangwei', '签到')
  expect((await at('2026-12-01T07:14:05Z')('zhangwei', '签退')).text).toBe('签退成功：2026-12-01 15:14。')
  expect((await at('2026-12-01T07:14:40Z')('zhangwei', '签退')).text).toBe('您已于 15:14 签退，签退时间不变。')
  expect((await at('2026-12-01T07:14:50Z')('zhangwei', 'checkout')).text).toBe('You already checked out at 15:14; nothing changed.')
  expect((await at('2026-12-01T09:30:00Z')('zhangwei', '签退')).text).toBe('签退时间已更新为 17:30（原为 15:14）。')
})
