import { expect, test } from 'vitest'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

test.each([
  ['a short token is kept', 'req-2026_11=ab', 'req-2026_11=ab'],
  ['markup is replaced', '<script>alert(1)</script>', UUID],
  ['a forged log field is replaced', 'x","level":"info', UUID],
  ['spaces are replaced', 'a b', UUID],
  ['65 characters are replaced', 'a'.repeat(65), UUID],
])('X-Request-Id: %s', async (_case, given, expected) => {
  const { app } = testApp(t.database)
  const response = await app.request('/no-such-route', { headers: { 'x-request-id': given } })
  const echoed = response.headers.get('x-request-id')!
  const body = (await response.json()) as { error: { requestId: string } }
  expect(body.error.requestId).toBe(echoed)
  if (typeof expected === 'string') expect(echoed).toBe(expected)
  else expect(echoed).toMatch(expected)
})
