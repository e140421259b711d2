import { describe, expect, test } from 'vitest'
import { PROGRAMMES } from '../rules'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { COUNTY_DOCTOR } from './support/eligibility'

const t = useTestDatabase()

async function ask(body: unknown, now = '2026-11-23T02:00:00Z') {
  const { app } = testApp(t.database, { now, env: { CONSOLE_ENABLED: 'false' } })
  const response = await app.request('/api/eligibility', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as any }
}

const GP = 'henan-2015/special-post-gp'

describe('POST /api/eligibility (public, no token, console off)', () => {
  test('answers one programme with the contract shape, every reason citing a clause and quote', async () => {
    const { status, body } = await ask({ on: '2016-05-01', programmes: [GP], profile: COUNTY_DOCTOR })
    expect(status).toBe(200)
    expect(body.on).toBe('2016-05-01')
    expect(body.results).toHaveLength(1)
    const [r] = body.results
    expect(r).toMatchObject({ programme: GP, eligible: true, missing: [] })
    expect(typeof r.name).toBe('string')
    for (const list of [r.reasons, r.attestations, r.obligations, r.benefits]) {
      expect(list.length).toBeGreaterThan(0)
      for (const item of list) {
        expect(item.text).toEqual(expect.any(String))
        expect(item.source).toEqual({ document: '豫卫发〔2015〕2号', clause: expect.any(String), quote: expect.any(String) })
      }
    }
  })

  test('without programmes every programme of every pack is answered; without on, today in Asia/Shanghai', async () => {
    // 2026-11-23T17:00Z is already 24 November in Beijing.
    const { status, body } = await ask({ profile: {} }, '2026-11-23T17:00:00Z')
    expect(status).toBe(200)
    expect(body.on).toBe('2026-11-24')
    expect(body.results.map((r: any) => r.programme)).toEqual(PROGRAMMES.map((p) => p.id))
  })

  test('after the programme period the answer is no, and the reason cites the period', async () => {
    const { body } = await ask({ on: '2021-03-01', programmes: [GP], profile: COUNTY_DOCTOR })
    expect(body.results[0].eligible).toBe(false)
    expect(body.results[0].reasons[0].text).toContain('已结束')
    expect(body.results[0].missing).toEqual([])
  })

  test('an open answer names only the profile fields that would settle it', async () => {
    const { body } = await ask({ on: '2016-05-01', programmes: [GP], profile: { ...COUNTY_DOCTOR, licence: undefined } })
    expect(body.results[0].eligible).toBe('unknown')
    expect(body.results[0].missing).toEqual(['licence'])
  })

  test.each([
    ['malformed JSON', '{"profile":', 'body must be JSON'],
    ['no profile', { on: '2016-05-01' }, 'profile'],
    ['a date that does not exist', { on: '2016-02-30', profile: {} }, 'on: is not a real calendar date'],
    ['an unknown programme', { programmes: ['henan-2015/nope'], profile: {} }, 'programmes.0: unknown programme'],
    ['a wrong field type', { profile: { clinicalYears: 'ten' } }, 'profile.clinicalYears'],
    ['an unknown top-level key', { profile: {}, programme: GP }, 'programme'],
  ])('rejects %s with 400 and a readable message', async (_case, body, message) => {
    const { status, body: answer } = await ask(body)
    expect(status).toBe(400)
    expect(answer.error.code).toBe('invalid_request')
    expect(answer.error.message).toContain(message)
  })

  test.each([
    ['16 000 unknown programme ids', { profile: {}, programmes: Array(16_000).fill('a') }, 'at most'],
    ['as many ids as there are programmes, all unknown', { profile: {}, programmes: PROGRAMMES.map((_, i) => `nope/${'x'.repeat(90)}${i}`) }, 'unknown programme'],
    ['30 000 ids that are not strings', { profile: {}, programmes: Array(30_000).fill(7) }, 'at most'],
    ['5 000 unknown keys', { profile: {}, ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 1])) }, 'Unrecognized key'],
    ['wrong profile fields and a 50 000-character date', { profile: { clinicalYears: 'ten', education: 'x' }, on: 'x'.repeat(50_000) }, 'on:'],
  ])('a hostile body (%s) gets a 400 of at most 10 issues and 4 KB', async (_case, body, message) => {
    const response = await ask(body)
    expect(response.status).toBe(400)
    expect(response.body.error.message).toContain(message)
    expect(JSON.stringify(response.body).length).toBeLessThan(4096)
    expect(response.body.error.message.split('; ').length).toBeLessThanOrEqual(11)
  })

  test('the reproduction, 800 KB of 200 000 unknown ids (once an 88 MB answer), is refused unread: 413, a few hundred bytes', async () => {
    const response = await ask({ profile: {}, programmes: Array(200_000).fill('a') })
    expect(response.status).toBe(413)
    expect(response.body.error).toMatchObject({ code: 'payload_too_large', message: 'request body is over 64 KiB' })
    expect(JSON.stringify(response.body).length).toBeLessThan(512)
  })
})
