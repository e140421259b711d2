import { getSignature } from '@wecom/crypto'
import { PROGRAMMES } from '../../rules'
import { EDUCATION_LEVELS, EMPLOYER_KINDS, EMPLOYER_LEVELS, LICENCES, MAJORS, TITLES } from '../../rules/eligibility/profile'
import { DEMO_FEISHU_TENANT_KEY } from '../../src/demo/seed'
import { feishuSignature } from '../../src/platforms/feishu/verify'
import { cardActionEvent, FEISHU_ENV, feishuEncrypt, messageEvent } from '../../test/support/feishu'
import { COUNTY_DOCTOR } from '../../test/support/eligibility'
import { eventXml, seal, textXml, WECOM_ENV } from '../../test/support/wecom'

/** One request of the fuzz: `expect` lists the statuses it may get when that is certain (a 5xx never is). */
export interface FuzzRequest {
  kind: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array
  expect?: number[]
}

export const MAX_BODY_BYTES = 1024 * 1024
const FEISHU_PATHS = ['/webhooks/feishu/events', '/webhooks/feishu/cards']
const ADMIN_PATHS = ['/api/admin/imports?kind=roster', '/api/admin/audit', '/api/admin/exports/monthly?month=2026-11', '/api/admin/support-pairs/1/agreement', '/api/admin/nothing']
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/octet-stream']
const ODD_STRINGS = ['', ' ', '\u0000', '\ud800', '😀'.repeat(50), '签到', '__proto__', 'constructor', '../../etc/passwd', '%00', '<xml>', '${7*7}', 'a'.repeat(5000), 'null', 'true', '1e309', '-0']
const KEYS = ['encrypt', 'schema', 'header', 'event', 'type', 'challenge', 'token', 'profile', 'on', 'programmes', '__proto__', 'constructor', 'a', '']

/** Random values from one seeded generator, so a failure can be replayed with the same seed. */
export function fuzzer(random: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const chance = (p: number) => random() < p
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(0, 255))
  const text = (max = 40) => (chance(0.3) ? pick(ODD_STRINGS) : String.fromCodePoint(...Array.from({ length: int(0, max) }, () => (chance(0.7) ? int(32, 126) : int(0x4e00, 0x9fa5)))))
  const json = (depth = 0): unknown => {
    const r = random()
    if (depth > 4 || r < 0.45) return pick([null, true, false, 0, -1, 1e308, -0, 0.5, 2 ** 53 + 1, text(), text(), text()])
    if (r < 0.7) return Array.from({ length: int(0, 5) }, () => json(depth + 1))
    return Object.fromEntries(Array.from({ length: int(0, 6) }, () => [chance(0.5) ? pick(KEYS) : text(12), json(depth + 1)]))
  }
  /** Replaces, deletes or retypes one value somewhere inside `value` (a JSON tree), in place. */
  const mutate = (value: unknown): void => {
    let node = value as Record<string, unknown>
    for (let depth = 0; depth < 6; depth++) {
      const keys = Object.keys(node)
      if (!keys.length) return
      const key = pick(keys)
      const child = node[key]
      if (child && typeof child === 'object' && chance(0.6)) {
        node = child as Record<string, unknown>
        continue
      }
      if (chance(0.3)) delete node[key]
      else node[key] = json(3)
      return
    }
  }
  const deep = (n: number) => (chance(0.5) ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)
  return { random, int, pick, chance, bytes, text, json, mutate, deep }
}
type Fuzzer = ReturnType<typeof fuzzer>

/** Printable ASCII only: fetch refuses other header values, so no client library would send them. */
const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '?')

/** Feishu's headers for `body`, signed with `key` at `seconds` (the real key and now unless a case says otherwise). */
function feishuHeaders(body: string, options: { seconds?: number; key?: string; contentType?: string } = {}): Record<string, string> {
  const timestamp = String(options.seconds ?? Math.floor(Date.now() / 1000))
  const nonce = Math.random().toString(36).slice(2)
  return {
    'content-type': options.contentType ?? 'application/json',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': feishuSignature(timestamp, nonce, options.key ?? FEISHU_ENV.FEISHU_ENCRYPT_KEY, body),
  }
}

/** A Feishu event that passes every check but names a workspace nobody registered, so nothing may be written. */
function strangerEvent(f: Fuzzer): Record<string, any> {
  const tenantKey = `fuzz-${f.int(0, 1e6)}`
  const event: Record<string, any> = f.chance(0.5)
    ? messageEvent({ openId: `ou_fuzz_${f.int(0, 999)}`, text: f.text(), tenantKey, chatType: f.pick(['p2p', 'group'] as const) })
    : cardActionEvent({ openId: `ou_fuzz_${f.int(0, 999)}`, value: f.json(2) })
  event.header.tenant_key = tenantKey
  if (f.chance(0.2)) event.header.event_type = f.pick(['im.chat.member.bot.added_v1', 'im.message.message_read_v1', f.text(20)])
  if (f.chance(0.1)) return { type: 'url_verification', challenge: f.text(), token: f.chance(0.5) ? FEISHU_ENV.FEISHU_VERIFICATION_TOKEN : f.text() }
  for (let i = f.int(0, 3); i > 0; i--) f.mutate(event)
  // A mutation must not turn it into the demo workspace's event.
  if (event.header && typeof event.header === 'object' && event.header.tenant_key === DEMO_FEISHU_TENANT_KEY) event.header.tenant_key = tenantKey
  return event
}

function flipBit(f: Fuzzer, base64: string): string {
  const buffer = Buffer.from(base64, 'base64')
  const at = f.int(0, buffer.length - 1)
  buffer[at] = buffer[at]! ^ (1 << f.int(0, 7))
  return buffer.toString('base64')
}

function feishuCase(f: Fuzzer): FuzzRequest {
  const path = f.pick(FEISHU_PATHS)
  const r = f.random()
  if (r < 0.15) {
    const body = JSON.stringify(f.json())
    return { kind: 'feishu unsigned JSON', method: 'POST', path, headers: { 'content-type': f.pick(CONTENT_TYPES) }, body, expect: [401] }
  }
  const sealed = JSON.stringify({ encrypt: feishuEncrypt(JSON.stringify(strangerEvent(f))) })
  if (r < 0.35) {
    const headers = feishuHeaders(sealed)
    const twist = f.int(0, 6)
    if (twist === 0) headers['x-lark-signature'] = f.chance(0.5) ? 'f'.repeat(64) : ascii(f.text(70))
    if (twist === 1) delete headers[f.pick(['x-lark-signature', 'x-lark-request-timestamp', 'x-lark-request-nonce'])]
    if (twist === 2) Object.assign(headers, feishuHeaders(sealed, { seconds: Math.floor(Date.now() / 1000) - f.int(301, 1e8) }))
    if (twist === 3) Object.assign(headers, feishuHeaders(sealed, { seconds: Math.floor(Date.now() / 1000) + f.int(301, 1e8) }))
    if (twist === 4) headers['x-lark-request-timestamp'] = f.pick(['NaN', 'Infinity', '1e3', '-1', '0x10', ' ', '9'.repeat(40)])
    if (twist === 5) Object.assign(headers, feishuHeaders(sealed, { key: 'another-encrypt-key' }))
    if (twist === 6) headers['x-lark-signature'] = headers['x-lark-signature']!.slice(0, f.int(0, 63))
    return { kind: 'feishu bad signature', method: 'POST', path, headers, body: sealed, expect: [401] }
  }
  if (r < 0.6) {
    const encrypt = feishuEncrypt(JSON.stringify(strangerEvent(f)), f.chance(0.25) ? 'someone-elses-encrypt-key' : FEISHU_ENV.FEISHU_ENCRYPT_KEY)
    const broken = f.pick([
      () => encrypt.slice(0, f.int(0, encrypt.length - 1)),
      () => flipBit(f, encrypt),
      () => encrypt,
      () => f.text(60),
      () => Buffer.from(f.bytes(f.int(0, 64))).toString('base64'),
    ])()
    const body = JSON.stringify({ encrypt: f.chance(0.9) ? broken : f.json() })
    return { kind: 'feishu bad ciphertext', method: 'POST', path, headers: feishuHeaders(body), body }
  }
  if (r < 0.85) {
    const body = JSON.stringify({ encrypt: feishuEncrypt(JSON.stringify(strangerEvent(f))) })
    return { kind: 'feishu fuzzed event', method: 'POST', path, headers: feishuHeaders(body, { contentType: f.pick(CONTENT_TYPES) }), body }
  }
  // Not JSON, not UTF-8, or nested deeper than anything real; signed over what the server will read.
  const raw = f.pick([() => Buffer.from(f.bytes(f.int(1, 300))), () => Buffer.from(f.deep(f.int(1_000, 100_000))), () => Buffer.from(`{"encrypt":"${'A'.repeat(f.int(1, 200_000))}`)])()
  return { kind: 'feishu not JSON', method: 'POST', path, headers: feishuHeaders(raw.toString('utf8')), body: raw, expect: [400, 401] }
}

/** WeCom's callback with its query; sealed for the real corp only when nothing in it can be a command. */
function wecomCase(f: Fuzzer): FuzzRequest {
  const r = f.random()
  const now = new Date()
  if (r < 0.15) {
    const query = new URLSearchParams(Object.fromEntries(Array.from({ length: f.int(0, 4) }, () => [f.pick(['msg_signature', 'timestamp', 'nonce', 'echostr', 'x']), f.text(f.chance(0.1) ? 5000 : 40)])))
    // Over 16 KiB of query is more than Node reads as a request head: 431.
    return { kind: 'wecom verify fuzz', method: 'GET', path: `/webhooks/wecom?${query}`, headers: {}, expect: [401, 431] }
  }
  if (r < 0.35) {
    const body = f.pick([
      () => JSON.stringify(f.json()),
      () => `<xml><Encrypt>${f.text()}</Encrypt></xml>`,
      () => `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>`,
      () => `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><xml><Encrypt>&c;</Encrypt></xml>`,
      () => `<xml>${'<a>'.repeat(f.int(100, 30_000))}${'</a>'.repeat(0)}`,
      () => `<xml>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}<Encrypt>x</Encrypt></xml>`,
      () => `<xml><Encrypt ${Array.from({ length: 2_000 }, (_, i) => `a${i}="${i}"`).join(' ')}>x</Encrypt></xml>`,
      () => Buffer.from(f.bytes(f.int(1, 300))).toString('latin1'),
    ])()
    const { query } = seal('<xml/>', { now })
    return { kind: 'wecom unsealed body', method: 'POST', path: `/webhooks/wecom?${new URLSearchParams(query)}`, headers: { 'content-type': f.pick(CONTENT_TYPES) }, body }
  }
  // A text message could be a command, so it is sealed for another corp; what goes to ours is an event, a type
  // duikou ignores, or junk, which write nothing even when they arrive intact.
  const from = f.pick(['zhangwei', 'liuyang', f.text(10)])
  const command = f.chance(0.3)
  const inner = command
    ? textXml({ userId: from, text: '签到', at: now }).xml
    : f.pick([
        () => eventXml({ userId: from, event: f.pick(['enter_agent', 'click', 'view', 'subscribe', f.text(10)]), eventKey: f.text(), at: now }),
        () => textXml({ userId: from, text: '帮助', at: now }).xml.replace('<![CDATA[text]]>', `<![CDATA[${f.pick(['image', 'voice', 'file', 'link', ''])}]]>`),
        () => `<xml>${Array.from({ length: f.int(0, 8) }, () => f.pick(['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Event', 'AgentID', 'x'])).map((tag) => `<${tag}>${f.text().replace(/[<&]/g, '')}</${tag}>`).join('')}</xml>`,
        () => `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><MsgType>&x;</MsgType></xml>`,
        () => f.text(200),
      ])()
  const corpId = command || f.chance(0.3) ? 'ww_someone_else' : WECOM_ENV.WECOM_CORP_ID
  const aesKey = f.chance(0.15) ? 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' : WECOM_ENV.WECOM_ENCODING_AES_KEY
  const sealed = seal(inner, { now, aesKey, corpId })
  let encrypted = sealed.encrypted
  if (f.chance(0.4)) encrypted = f.chance(0.5) ? encrypted.slice(0, f.int(0, encrypted.length - 1)) : flipBit(f, encrypted)
  // Damaged ciphertext is signed after the damage, so that decryption is what must refuse it.
  const signature = f.chance(0.1) ? 'b'.repeat(40) : getSignature(WECOM_ENV.WECOM_TOKEN, sealed.query.timestamp!, sealed.query.nonce!, encrypted)
  const query = new URLSearchParams({ ...sealed.query, msg_signature: signature })
  const body = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID>1000002</AgentID></xml>`
  return { kind: 'wecom sealed', method: 'POST', path: `/webhooks/wecom?${query}`, headers: { 'content-type': 'text/xml' }, body, expect: command ? [401] : undefined }
}

const DATES = ['0001-01-01', '1900-02-28', '1970-01-01', '2000-02-29', '2015-01-01', '2026-11-23', '2099-12-31', '9999-12-31', '2023-02-29', '2024-13-01', '24-01-01', '']
const ENUMS = [...EDUCATION_LEVELS, ...TITLES, ...LICENCES, ...MAJORS, ...EMPLOYER_LEVELS, ...EMPLOYER_KINDS]

function eligibilityCase(f: Fuzzer): FuzzRequest {
  const headers = { 'content-type': f.pick(CONTENT_TYPES) }
  if (f.chance(0.3)) {
    const body = f.pick([() => JSON.stringify(f.json()), () => f.text(100), () => f.deep(f.int(1_000, 100_000)), () => Buffer.from(f.bytes(f.int(1, 200)))])()
    return { kind: 'eligibility junk', method: 'POST', path: '/api/eligibility', headers, body }
  }
  const profile: Record<string, any> = structuredClone(COUNTY_DOCTOR)
  for (let i = f.int(0, 4); i > 0; i--) {
    const key = f.pick(Object.keys(profile))
    profile[key] = f.pick([() => f.pick(DATES), () => f.pick(ENUMS), () => f.json(3), () => f.pick([0, -1, 1e308, 0.5, 200, 1e-9])])()
  }
  if (f.chance(0.2)) f.mutate(profile)
  const query: Record<string, unknown> = { profile }
  if (f.chance(0.6)) query.on = f.pick(DATES)
  if (f.chance(0.4)) query.programmes = f.chance(0.8) ? [f.pick(PROGRAMMES).id] : [f.text()]
  return { kind: 'eligibility fuzzed', method: 'POST', path: '/api/eligibility', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query) }
}

function adminCase(f: Fuzzer): FuzzRequest {
  const authorization = f.pick([undefined, 'Bearer', 'Bearer ', `Bearer ${f.text(30)}`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(10_000)}`, 'Bearer fuzz-admin-token-0123456789-', f.text()])
  const headers: Record<string, string> = { 'content-type': f.pick(CONTENT_TYPES) }
  if (authorization !== undefined) headers.authorization = ascii(authorization)
  const method = f.pick(['GET', 'POST', 'PUT', 'DELETE'])
  return { kind: 'admin without token', method, path: f.pick(ADMIN_PATHS), headers, body: method === 'GET' ? undefined : JSON.stringify(f.json()), expect: [401] }
}

function oversizeCase(f: Fuzzer): FuzzRequest {
  const body = new Uint8Array(MAX_BODY_BYTES + f.int(1, 4096)).fill(0x61)
  const path = f.pick([...FEISHU_PATHS, '/api/eligibility', '/webhooks/wecom', '/api/admin/imports?kind=roster'])
  return { kind: 'just over 1 MiB', method: 'POST', path, headers: { 'content-type': 'application/json' }, body, expect: [413] }
}

function strayCase(f: Fuzzer): FuzzRequest {
  if (f.chance(0.3)) return { kind: 'healthz', method: 'GET', path: '/healthz', headers: {}, expect: [200] }
  const path = f.pick(['/', '/webhooks', '/webhooks/console', '/api', `/${encodeURIComponent(f.text().replace(/[\ud800-\udfff]/g, '?'))}`, '/webhooks/feishu/events/..', '/%2e%2e/%2e%2e'])
  return { kind: 'stray path', method: f.pick(['GET', 'POST', 'PATCH', 'OPTIONS', 'DELETE']), path, headers: {} }
}

/** The next fuzzed request: webhooks most often, then the public API, the admin API, oversize and stray ones. */
export function nextRequest(f: Fuzzer): FuzzRequest {
  const r = f.random()
  if (r < 0.4) return feishuCase(f)
  if (r < 0.65) return wecomCase(f)
  if (r < 0.82) return eligibilityCase(f)
  if (r < 0.93) return adminCase(f)
  if (r < 0.945) return oversizeCase(f)
  return strayCase(f)
}
