import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { useTestDatabase } from './support/database'

const ROOT = resolve(import.meta.dirname, '..')
const t = useTestDatabase()
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  return { child, output: () => ({ stdout, stderr }) }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  const [code] = (await once(child, 'exit')) as [number | null]
  return code
}

describe('npm start: the Node server process', () => {
  test.each([
    [{ DATABASE_URL: 'mysql://localhost/duikou' }, 'DATABASE_URL must start with postgres://'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'postgres://duikou@127.0.0.1:1/nowhere' }, 'cannot open the database — PostgreSQL at 127.0.0.1:1/nowhere'],
  ])('a bad setting %o stops it with one clear message and no stack trace', async (env, message) => {
    const { child, output } = start(env)
    expect(await exitOf(child)).toBe(1)
    const { stderr } = output()
    expect(stderr).toContain(message)
    expect(stderr).not.toMatch(/^\s+at /m)
  })

  test('starts on the configured database, binds 127.0.0.1, serves /healthz, has no console route by default, stops on SIGTERM', async () => {
    const port = await freePort()
    const { child, output } = start({ DATABASE_URL: t.url ?? 'memory://', PORT: String(port) })
    const deadline = Date.now() + 45_000
    let health: Response | undefined
    while (Date.now() < deadline && child.exitCode === null) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined)
      if (health) break
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(health?.status, output().stderr).toBe(200)
    expect(output().stdout).toContain(`listening on http://127.0.0.1:${port}`)
    const body = (await health!.json()) as { db: { driver: string } }
    expect(body.db.driver).toBe(t.url ? 'postgres' : 'pglite')
    const consoleRoute = await fetch(`http://127.0.0.1:${port}/webhooks/console`, { method: 'POST', body: '{}' })
    expect(consoleRoute.status).toBe(404)
    child.kill('SIGTERM')
    expect(await exitOf(child)).toBe(0)
  })
})
