import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { boot, exitOnBootError, VERSION } from '../boot'
import { systemClock } from '../domain/clock'
import { startNodeApp } from '../node-app'
import { configOrExit, runningServer } from './running-server'

const USAGE = `usage: npm run chat -- --as <handle> [--url http://127.0.0.1:8787]
  Each line you type goes to POST /webhooks/console as that user and the reply is printed.
  :again  resend the last line with the same message id (a platform retry)
  (empty line) show notices that arrived meanwhile, e.g. an approval request
  :quit   leave`

const { values } = parseArgs({ options: { as: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean' } } })
if (values.help || !values.as) {
  console.log(USAGE)
  process.exit(values.help ? 0 : 2)
}
const user = values.as

/**
 * Joins the server that holds the embedded database (its port is in the lock file), else one answering on
 * HOST:PORT; otherwise starts the same app in this process on a loopback port and announces it in the lock, so a
 * second chat window joins this one and both see each other's notices.
 */
async function connect(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (values.url) {
    if (!(await answers(values.url))) throw new Error(`no duikou server answers at ${values.url}`)
    return { url: values.url, stop: async () => {} }
  }
  const config = configOrExit()
  const holder = runningServer(config)
  if (holder) return { url: holder.url, stop: async () => {} }
  const configured = `http://${config.host}:${config.port}`
  if (config.database.driver !== 'pglite' && (await answers(configured))) return { url: configured, stop: async () => {} }
  const { database } = await boot({ ...process.env, CONSOLE_ENABLED: 'true' }).catch(exitOnBootError)
  let localToken: string | null = null
  const { app, stop: stopApp } = startNodeApp({ database, clock: systemClock, config: { ...config, console: { ...config.console, enabled: true } }, version: VERSION, localToken: () => localToken })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  localToken = database.lock?.announce(port).localToken ?? null
  console.log(`(no server was running; started one in this process on port ${port}, database: ${database.driver}; other chat windows join it while this one stays open)`)
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.close()
      await stopApp()
      await database.close()
    },
  }
}

const answers = (url: string) => fetch(`${url}/healthz`).then(() => true, () => false)

async function send(url: string, text: string, messageId: string): Promise<string> {
  const response = await fetch(`${url}/webhooks/console`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, text, messageId }),
  })
  if (response.status === 404) return '(this server has no console: restart it with CONSOLE_ENABLED=true)'
  const body = (await response.json()) as { reply?: Shown | null; notices?: Shown[]; error?: { message: string } }
  if (body.error) return `(error ${response.status}: ${body.error.message})`
  const notices = (body.notices ?? []).map((n) => `📬 ${show(n)}`)
  return [body.reply ? show(body.reply) : null, ...notices].filter(Boolean).join('\n')
}

interface Shown {
  title?: string
  text: string
  actions?: { label: string; command: string }[]
}

/** A reply as console text; buttons become the lines one would type instead. */
function show(reply: Shown): string {
  const actions = reply.actions?.length ? `\n（可回复：${reply.actions.map((a) => a.command).join(' ｜ ')}）` : ''
  return `${reply.title ? `【${reply.title}】\n` : ''}${reply.text}${actions}`
}

const { url, stop } = await connect()
const interactive = process.stdin.isTTY
if (interactive) console.log(`duikou console — speaking as "${user}". Type 帮助 for commands, :quit to leave.`)
const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, prompt: `${user}> ` })
let last: { text: string; id: string } | null = null
if (interactive) lines.prompt()
for await (const line of lines) {
  const text = line.trim()
  if (text === ':quit') break
  if (!text) {
    const notices = await send(url, '', randomUUID())
    if (notices) console.log(notices)
  } else {
    if (text === ':again' && !last) console.log('(nothing to resend yet)')
    else {
      const message: { text: string; id: string } = text === ":again" ? last! : { text, id: randomUUID() }
      last = message
      console.log(await send(url, message.text, message.id))
    }
  }
  if (interactive) lines.prompt()
}
lines.close()
await stop()
