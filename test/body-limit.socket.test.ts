import { type AddressInfo, connect } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const MIB = 1024 * 1024
let server: ReturnType<typeof serve>
let port: number

beforeAll(async () => {
  const { app } = testApp(t.database)
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** Writes the requests back to back on one kept-alive socket, whole, and collects what comes back until it closes or goes quiet. */
function exchange(requests: Buffer[]): Promise<{ text: string; closed: boolean; writeError?: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let text = ''
    let writeError: string | undefined
    let quiet: NodeJS.Timeout | undefined
    const done = (closed: boolean) => {
      clearTimeout(quiet)
      socket.destroy()
      resolve({ text, closed, writeError })
    }
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1')
      clearTimeout(quiet)
      quiet = setTimeout(() => done(false), 1000)
    })
    socket.on('error', (error: NodeJS.ErrnoException) => (writeError = error.code))
    socket.on('close', () => done(true))
    for (const request of requests) socket.write(request)
  })
}

const post = (path: string, body: Buffer) =>
  Buffer.concat([Buffer.from(`POST ${path} HTTP/1.1\r\nhost: duikou\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`), body])
const healthz = Buffer.from('GET /healthz HTTP/1.1\r\nhost: duikou\r\n\r\n')
const statuses = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))

describe('a body over the limit, sent whole by a real client over a socket', () => {
  test.each(['/webhooks/feishu/events', '/api/eligibility', '/webhooks/wecom'])(
    '%s: a body a little over is read to its end, answered 413, and the same connection answers the next request',
    async (path) => {
      const answer = await exchange([post(path, Buffer.alloc(MIB + 1, 0x61)), healthz])
      expect(answer.writeError).toBeUndefined()
      expect(statuses(answer.text)).toEqual([413, 200])
      expect(answer.text).toContain('"code":"payload_too_large"')
    },
  )

  test('a body declared far larger (8 MiB) is answered 413 and the connection closed: its rest is never read', async () => {
    const answer = await exchange([post('/webhooks/feishu/events', Buffer.alloc(8 * MIB, 0x61)), healthz])
    expect(statuses(answer.text)).toEqual([413])
    expect(answer.text.toLowerCase()).toContain('connection: close')
    expect(answer.closed).toBe(true)
  })
})
