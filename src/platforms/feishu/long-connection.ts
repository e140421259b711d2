import * as lark from '@larksuiteoapi/node-sdk'
import { DOWN_AFTER_MS, type FeishuConnectionStatus } from './connection-status'
import type { FeishuSettings } from './settings'

export interface LongConnectionOptions {
  settings: Pick<FeishuSettings, 'appId' | 'appSecret' | 'baseUrl'>
  /** Handles one pushed event; the SDK acknowledges it with what this returns, and not at all when it throws. */
  handle: (data: unknown) => Promise<object>
  /**
   * Feishu's server sets the ping cadence (minutes, seen at 2); capped here so that a half-dead connection is
   * noticed within `maxPingIntervalSeconds + pingTimeoutSeconds` (the SDK's own watchdog is off by default); and
   * kept at least 1.5 × pingTimeoutSeconds apart, or the watchdog would never fire.
   */
  heartbeat?: { maxPingIntervalSeconds: number; pingTimeoutSeconds: number; maxReconnectIntervalSeconds: number }
  /** Backoff of the supervisor's restarts after the SDK gave up (`failed`): doubling from baseMs to maxMs, jittered. */
  restart?: { baseMs: number; maxMs: number }
  pollMs?: number
  random?: () => number
  now?: () => number
}

const DEFAULT_HEARTBEAT = { maxPingIntervalSeconds: 20, pingTimeoutSeconds: 10, maxReconnectIntervalSeconds: 30 }
const DEFAULT_RESTART = { baseMs: 1_000, maxMs: 300_000 }

function log(level: 'info' | 'warn' | 'error', message: string, extra: Record<string, unknown> = {}) {
  const line = JSON.stringify({ level, component: 'feishu-long-connection', message, ...extra })
  if (level === 'info') console.log(line)
  else console.error(line)
}

// The SDK's own log lines, as one JSON line each; its debug and trace chatter (every ping) is dropped.
const sdkLogger = {
  error: (...args: unknown[]) => log('error', args.map(String).join(' ')),
  warn: (...args: unknown[]) => log('warn', args.map(String).join(' ')),
  info: (...args: unknown[]) => log('info', args.map(String).join(' ')),
  debug: () => {},
  trace: () => {},
}

/** The SDK calls `invoke(data, { needCheck: false })` with each decoded event and sends back what it resolves to. */
class Dispatcher extends lark.EventDispatcher {
  constructor(private readonly handle: (data: unknown) => Promise<object>) {
    super({ logger: sdkLogger, loggerLevel: lark.LoggerLevel.warn })
  }
  override async invoke(data: unknown): Promise<object> {
    return this.handle(data)
  }
}

type WsInternals = { wsConfig?: { updateWs?: (values: Record<string, unknown>) => void } }

/**
 * Caps what Feishu's server pushes (at discovery and in every pong): the ping cadence, so the watchdog runs often
 * enough, and the interval between reconnect attempts. The SDK keeps both in a private object; 1.74 is pinned, and
 * the heartbeat test fails if this stops taking effect.
 */
function capServerSettings(client: lark.WSClient, heartbeat: typeof DEFAULT_HEARTBEAT) {
  const wsConfig = (client as unknown as WsInternals).wsConfig
  const original = wsConfig?.updateWs?.bind(wsConfig)
  if (!wsConfig || !original) {
    log('warn', 'cannot cap the ping interval of this SDK version: a dead connection is noticed at the server\'s ping cadence')
    return
  }
  const cap = (value: unknown, seconds: number) => (typeof value === 'number' && Number.isFinite(value) ? Math.min(value, seconds * 1000) : value)
  wsConfig.updateWs = (values) => {
    const capped = { ...values }
    // Each ping re-arms the SDK's watchdog, so pings closer together than the timeout would keep it from ever firing.
    if ('pingInterval' in capped) capped.pingInterval = Math.max(heartbeat.pingTimeoutSeconds * 1500, cap(capped.pingInterval, heartbeat.maxPingIntervalSeconds) as number)
    if ('reconnectInterval' in capped) capped.reconnectInterval = cap(capped.reconnectInterval, heartbeat.maxReconnectIntervalSeconds)
    original(capped)
  }
}

/**
 * Holds Feishu's long connection (WSClient) for the life of the process. The SDK reconnects by itself (a jittered
 * first attempt, then at the server's interval); when it gives up (`failed`, after the server's reconnect budget
 * or a refused endpoint discovery) this supervisor throws that client away and starts a new one, with doubling,
 * jittered delays and no limit.
 */
export function startFeishuLongConnection(options: LongConnectionOptions) {
  const heartbeat = options.heartbeat ?? DEFAULT_HEARTBEAT
  const restart = options.restart ?? DEFAULT_RESTART
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const dispatcher = new Dispatcher(options.handle)

  let client: lark.WSClient | null = null
  let state: 'connected' | 'reconnecting' | 'failed' = 'reconnecting'
  let since = now()
  let disconnectedSince = now()
  let lastConnectTime: number | undefined
  let restarts = 0
  let restartTimer: NodeJS.Timeout | null = null
  let stopped = false

  const startClient = () => {
    client = new lark.WSClient({
      appId: options.settings.appId!,
      appSecret: options.settings.appSecret!,
      domain: options.settings.baseUrl,
      logger: sdkLogger,
      loggerLevel: lark.LoggerLevel.info,
      autoReconnect: true,
      handshakeTimeoutMs: 10_000,
      wsConfig: { pingTimeout: heartbeat.pingTimeoutSeconds },
      onError: () => poll(),
    })
    capServerSettings(client, heartbeat)
    void client.start({ eventDispatcher: dispatcher }).catch((error: Error) => log('error', `start failed: ${error.message}`))
  }

  const scheduleRestart = () => {
    const delay = Math.min(restart.maxMs, restart.baseMs * 2 ** restarts) * (0.5 + random() / 2)
    restarts++
    log('warn', 'the SDK gave up reconnecting; starting a new client', { inMs: Math.round(delay), restart: restarts })
    restartTimer = setTimeout(() => {
      restartTimer = null
      if (stopped) return
      client?.close({ force: true })
      startClient()
    }, delay)
  }

  function poll() {
    if (stopped || !client) return
    const sdk = client.getConnectionStatus()
    const next = sdk.state === 'connected' ? 'connected' : sdk.state === 'failed' ? 'failed' : 'reconnecting'
    // A reconnect quicker than one poll never shows as reconnecting: the SDK's attempt time says it happened.
    const reconnected = next === 'connected' && state === 'connected' && lastConnectTime !== undefined && sdk.lastConnectTime !== lastConnectTime
    if (next === 'connected') lastConnectTime = sdk.lastConnectTime
    if (reconnected) {
      since = now()
      log('info', 'Feishu long connection connected again')
    } else if (next !== state) {
      if (state === 'connected') disconnectedSince = now()
      if (next === 'connected') restarts = 0
      state = next
      since = now()
      log(next === 'connected' ? 'info' : 'warn', `Feishu long connection ${next}`)
    }
    if (state === 'failed' && !restartTimer) scheduleRestart()
  }

  startClient()
  const poller = setInterval(poll, options.pollMs ?? 1_000)
  poller.unref()

  return {
    status(): FeishuConnectionStatus {
      poll()
      return { connection: state, since: new Date(since).toISOString(), down: state !== 'connected' && now() - disconnectedSince > DOWN_AFTER_MS }
    },
    stop() {
      stopped = true
      clearInterval(poller)
      if (restartTimer) clearTimeout(restartTimer)
      client?.close({ force: true })
      client = null
    },
  }
}
