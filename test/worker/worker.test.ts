import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Database, openDatabase } from '../../db/client'
import { migrate } from '../../db/migrate'
import { attendanceEvents, jobRuns, outbox } from '../../db/schema'
import { demoFeishuOpenId, seedDemo } from '../../src/demo/seed'
import { fixedClock, systemClock } from '../../src/domain/clock'
import { feishuRequest, messageEvent, shownText, startFakeFeishu } from '../support/feishu'
import { openWorkbook, rowsOf } from '../support/month-fixture'

const ROOT = resolve(import.meta.dirname, '../..')
const SERVER_URL = process.env.DATABASE_URL
const KEY = 'worker-test-encrypt-key'
const TOKEN = 'worker-test-token'
const ADMIN_TOKEN = 'worker-test-admin-token-0123456789'
let database: Database
let databaseUrl = ''
let worker: ChildProcess
let base = ''
let log = ''
let feishu: Awaited<ReturnType<typeof startFakeFeishu>>

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`timed out waiting for ${what}\n${log.slice(-3000)}`)
}

beforeAll(async () => {
  if (!SERVER_URL?.startsWith('postgres')) throw new Error('npm run test:worker needs DATABASE_URL=postgres://… (the Worker runs only on PostgreSQL)')
  const name = `duikou_worker_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = await openDatabase({ driver: 'postgres', url: SERVER_URL })
  await admin.db.execute(`create database "${name}"`)
  await admin.close()
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  databaseUrl = url.toString()
  database = await openDatabase({ driver: 'postgres', url: databaseUrl })
  await migrate(database)
  // Deployed three days ago: the sweeps of the days since are due at the first cron tick.
  await seedDemo(database.db, fixedClock(new Date(systemClock.now().getTime() - 3 * 86_400_000)))

  feishu = await startFakeFeishu()
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  worker = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      'dev', '--ip', '127.0.0.1', '--port', String(port), '--test-scheduled', '--show-interactive-dev-session=false',
      '--var', `DATABASE_URL:${databaseUrl}`, '--var', `FEISHU_ENCRYPT_KEY:${KEY}`, '--var', `FEISHU_VERIFICATION_TOKEN:${TOKEN}`,
      '--var', `ADMIN_TOKEN:${ADMIN_TOKEN}`,
      '--var', 'FEISHU_APP_ID:cli_worker_test', '--var', 'FEISHU_APP_SECRET:worker-test-secret', '--var', `FEISHU_BASE_URL:${feishu.url}`,
    ],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  worker.stdout!.on('data', (d) => (log += d))
  worker.stderr!.on('data', (d) => (log += d))
  await until('the Worker to answer /healthz', async () => ((await fetch(`${base}/healthz`)).status === 200 ? true : undefined))
})

afterAll(async () => {
  worker?.kill('SIGTERM')
  await feishu?.close()
  await database?.close()
  if (SERVER_URL && databaseUrl) {
    const admin = await openDatabase({ driver: 'postgres', url: SERVER_URL })
    await admin.db.execute(`drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`)
    await admin.close()
  }
})

describe('the Worker (wrangler local runtime) against PostgreSQL', () => {
  test('/healthz reports PostgreSQL and the migration level', async () => {
    const body = (await (await fetch(`${base}/healthz`)).json()) as { db: { driver: string }; migrations: { upToDate: boolean } }
    expect(body.db.driver).toBe('postgres')
    expect(body.migrations.upToDate).toBe(true)
  })

  test('a signed, encrypted Feishu 签到 is verified, stored once, handled after the 200 (waitUntil) and answered through the outbox, as on Node', async () => {
    const payload = messageEvent({ openId: demoFeishuOpenId('zhangwei'), text: '签到', token: TOKEN })
    const send = () => fetch(`${base}/webhooks/feishu/events`, feishuRequest(payload, { key: KEY }))
    expect((await send()).status).toBe(200)
    expect((await send()).status).toBe(200)
    const key = `reply:feishu:message:${payload.event.message.message_id}`
    const [reply] = await until('the reply queued by the inbox worker', async () => {
      const rows = await database.db.select().from(outbox).where(eq(outbox.idempotencyKey, key))
      return rows.length ? rows : undefined
    })
    const events = await database.db.select().from(attendanceEvents).where(eq(attendanceEvents.platformEventId, `message:${payload.event.message.message_id}`))
    expect(events).toHaveLength(1)
    expect((reply!.message as { reply: { text: string } }).reply.text).toMatch(/^签到成功：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，示范县人民医院。$/)
    const forged = await fetch(`${base}/webhooks/feishu/events`, feishuRequest(payload, { key: 'another key' }))
    expect(forged.status).toBe(401)
  })

  test('replies sent in separate invocations share one Feishu token: the senders live as long as the isolate', async () => {
    const doctors = ['wangfang', 'liuyang']
    for (const handle of doctors) {
      const payload = messageEvent({ openId: demoFeishuOpenId(handle), text: '签到', token: TOKEN })
      expect((await fetch(`${base}/webhooks/feishu/events`, feishuRequest(payload, { key: KEY }))).status).toBe(200)
    }
    const chats = doctors.map((handle) => `oc_p2p_${demoFeishuOpenId(handle)}`)
    await until('both replies at Feishu', async () => (chats.every((chat) => feishu.delivered.some((m) => m.receiveId === chat)) ? true : undefined))
    expect(chats.map((chat) => shownText(feishu.delivered.find((m) => m.receiveId === chat)!))).toEqual([
      expect.stringMatching(/^签到成功：/),
      expect.stringMatching(/^签到成功：/),
    ])
    expect(feishu.tokenCalls()).toBe(1)
  })

  test('the monthly .xlsx export is built on the Worker too (node:zlib under nodejs_compat)', async () => {
    const month = new Date().toISOString().slice(0, 7)
    const response = await fetch(`${base}/api/admin/exports/monthly?month=${month}&tenant=demo`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(response.status).toBe(200)
    const book = await openWorkbook(await response.arrayBuffer())
    expect(book.worksheets.map((s) => s.name)).toEqual(['出勤', '月报', '脱岗与通报', '达标', '审计'])
    expect(rowsOf(book, '出勤').map((r) => r['医生']).sort()).toEqual(['刘洋', '张伟', '王芳'])
  })

  test('a cron tick runs the due jobs through scheduled()', async () => {
    expect((await fetch(`${base}/__scheduled?cron=30+16+*+*+*`)).status).toBe(200)
    // The sweeps of the three days since deployment (the last may still be today's, not yet due).
    const runs = await until('the sweeps of the days since deployment', async () => {
      const rows = (await database.db.select().from(jobRuns)).filter((r) => r.job === 'attendance-sweep')
      return rows.length >= 2 ? rows : undefined
    })
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true)
  })
})
