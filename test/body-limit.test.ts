import { describe, expect, test } from 'vitest'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const MIB = 1024 * 1024

describe('request bodies are limited to 1 MiB on every route', () => {
  test.each(['/api/eligibility', '/webhooks/feishu/events', '/webhooks/wecom'])('%s: one byte over, length not declared → 413, and the connection is closed after it', async (path) => {
    const { app } = testApp(t.database)
    const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'a'.repeat(MIB + 1) })
    expect(response.status).toBe(413)
    // The unread rest of the body would otherwise be taken for the next request on a kept-alive connection.
    expect(response.headers.get('connection')).toBe('close')
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  test('exactly 1 MiB is read (and refused for what it says, not for its size)', async () => {
    const { app } = testApp(t.database)
    const response = await app.request('/webhooks/console', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'a'.repeat(MIB) })
    expect(response.status).toBe(400)
  })

  test('/api/eligibility takes at most 64 KiB: a question is a profile and a few ids, not a megabyte to parse', async () => {
    const { app } = testApp(t.database)
    const over = await app.request('/api/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'a'.repeat(64 * 1024 + 1) })
    expect(over.status).toBe(413)
    expect(over.headers.get('connection')).toBe('close')
    const at = await app.request('/api/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'a'.repeat(64 * 1024) })
    expect(at.status).toBe(400)
  })
})
