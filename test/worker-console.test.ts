import { expect, test } from 'vitest'
import worker from '../src/worker'

// The Worker is public by nature: whatever its variables say, the console (speak as anyone) is not there.
test('src/worker.ts never mounts the console, even with CONSOLE_ENABLED=true', async () => {
  const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', CONSOLE_ENABLED: 'true' }
  const waiting: Promise<unknown>[] = []
  const response = await worker.fetch(
    new Request('http://worker.test/webhooks/console', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'zhangwei', text: '签到', messageId: 'w-1' }) }),
    env,
    { waitUntil: (p) => waiting.push(p) },
  )
  expect(response.status).toBe(404)
  await Promise.allSettled(waiting)
})
