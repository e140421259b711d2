import type { Database } from '../../db/client'
import { createApp } from '../../src/app/create-app'
import { parseConfig } from '../../src/config'
import { fixedClock } from '../../src/domain/clock'
import { deliverDue, type OutboxDeps } from '../../src/jobs/deliver-outbox'
import { handleInbox } from '../../src/jobs/handle-inbox'
import { fileFetchersOf } from '../../src/platforms/senders'

/** The real app over a test database, with a clock the test controls. */
export function testApp(database: Database, options: { now?: string; env?: Record<string, string> } = {}) {
  const clock = fixedClock(options.now ?? '2026-11-23T00:03:00Z')
  const config = parseConfig({ CONSOLE_ENABLED: 'true', ...options.env })
  const app = createApp({ database, clock, config, version: 'test', outbox: { kick: () => {} }, inbox: { kick: () => {} } })
  return { app, clock, config }
}

/** Sends one console message the way `npm run chat` does and returns the reply text. */
export async function say(app: ReturnType<typeof createApp>, user: string, text: string, messageId: string) {
  const response = await app.request('/webhooks/console', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, text, messageId }),
  })
  if (response.status !== 200) throw new Error(`console answered ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { reply: ConsoleReply; notices: ConsoleReply[] }
  return Object.assign(body.reply ?? { text: '', tone: 'info' }, { notices: body.notices })
}

export interface ConsoleReply {
  text: string
  title?: string
  tone: string
  actions?: { label: string; command: string; style: string }[]
  form?: { command: string; fields: { name: string; kind: string }[] }
}

/** What the Node server's workers do after a webhook: handle the stored chat messages, then send what they queued. */
export async function handleAndDeliver(deps: OutboxDeps) {
  while ((await handleInbox({ ...deps, files: fileFetchersOf(deps.senders) })).leased > 0);
  return deliverDue(deps)
}

/** `at(now)(user, text)`: one console message as `user` at that moment, each with a fresh message id. */
export function consoleAt(t: { readonly database: Database }) {
  return (now: string) => {
    const { app } = testApp(t.database, { now })
    return (user: string, text: string) => say(app, user, text, crypto.randomUUID())
  }
}
