import { spawn } from 'node:child_process'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { attendanceEvents } from '../db/schema'
import { seedDemo } from '../src/demo/seed'
import { fixedClock } from '../src/domain/clock'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
let url = ''
let close = () => {}

beforeAll(async () => {
  await seedDemo(t.database.db, fixedClock('2026-11-23T00:00:00Z'))
  const { app } = testApp(t.database, { now: '2026-11-23T00:03:00Z' })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await once(server, 'listening')
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

test('npm run chat: typed lines go through POST /webhooks/console and replies are printed; :again is a harmless retry', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--as', '张伟', '--url', url], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stdin.end('签到\n:again\n我的\n:quit\n')
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)
  expect(stdout.match(/签到成功：2026-11-23 08:03/g)).toHaveLength(2)
  expect(stdout).toContain('已签到 1 天')
  const [events] = await t.database.db.select({ n: count() }).from(attendanceEvents).where(eq(attendanceEvents.kind, 'checkIn'))
  expect(events!.n).toBe(1)
})
