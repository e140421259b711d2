import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { type WebSocket, WebSocketServer } from 'ws'
import { FEISHU_ENV, startFakeFeishu } from './feishu'

/** Credentials the SDK's WSClient accepts (it starts nothing for an app id other than `cli_` + 16 hex digits). */
export const FEISHU_WS_ENV = { ...FEISHU_ENV, FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_CONNECTION: 'websocket' }

interface Header {
  key: string
  value: string
}
interface Frame {
  SeqID: number
  LogID: number
  service: number
  method: number
  headers: Header[]
  payload?: Uint8Array
}
interface FrameCodec {
  encode(frame: Frame): { finish(): Uint8Array }
  decode(bytes: Uint8Array): Frame
}

// The SDK registers its protobuf definitions (package pbbp2) on protobufjs' default root when it loads: use those.
const require = createRequire(import.meta.url)
require('@larksuiteoapi/node-sdk')
const pbbp2 = (require('protobufjs/minimal') as { roots: Record<string, { pbbp2?: { Frame: FrameCodec } }> }).roots.default!.pbbp2
if (!pbbp2) throw new Error('the Lark SDK did not register its pbbp2 frame definitions')
const { Frame } = pbbp2

const CONTROL = 0
const DATA = 1
const SERVICE_ID = 7
const header = (frame: Frame, key: string) => frame.headers.find((h) => h.key === key)?.value

export interface PushResult {
  /** The code the client acknowledged with (200: handled), and what its handler returned. */
  code: number
  data: any
  /** How many times the event was sent before it was acknowledged. */
  deliveries: number
}

/**
 * The fake Feishu open platform with its long-connection service: `POST /callback/ws/endpoint` hands out a
 * WebSocket URL on the same server, which speaks the SDK's frame protocol (pings answered with pongs carrying the
 * client config, events as data frames, acknowledged by the client with the same frame). Like Feishu, each event
 * goes to one connected client chosen at random, and is sent again (to whichever client is connected then) when
 * no acknowledgement arrives within `ackTimeoutMs`.
 */
export async function startFakeFeishuLongConnection(options: { pingIntervalSeconds?: number; reconnectIntervalSeconds?: number; ackTimeoutMs?: number } = {}) {
  const clientConfig = {
    PingInterval: options.pingIntervalSeconds ?? 120,
    ReconnectCount: -1,
    ReconnectInterval: options.reconnectIntervalSeconds ?? 0.2,
    ReconnectNonce: 0.1,
  }
  const ackTimeoutMs = options.ackTimeoutMs ?? 3000
  const sockets = new Set<WebSocket>()
  const silent = new WeakSet<WebSocket>()
  const pending = new Map<string, { socket: WebSocket; resolve: (frame: Frame | null) => void }>()
  let connections = 0
  let pings = 0
  let discoveries = 0
  let refuseDiscovery = false
  let ackLosses = 0
  const acks = new Map<WebSocket, number>()

  const feishu = await startFakeFeishu({
    extend: (app) =>
      app.post('/callback/ws/endpoint', async (c) => {
        discoveries++
        const body = (await c.req.json()) as { AppID?: string; AppSecret?: string }
        // What Feishu answers for an app whose long connection is switched off or whose secret was rotated.
        if (refuseDiscovery) return c.json({ code: 403, msg: 'forbidden', data: {} })
        if (body.AppID !== FEISHU_WS_ENV.FEISHU_APP_ID || body.AppSecret !== FEISHU_WS_ENV.FEISHU_APP_SECRET) return c.json({ code: 403, msg: 'forbidden', data: {} })
        const host = new URL(c.req.url).host
        return c.json({ code: 0, msg: 'ok', data: { URL: `ws://${host}/ws/v2?fpid=1&device_id=fake-device&service_id=${SERVICE_ID}`, ClientConfig: clientConfig } })
      }),
  })

  const wss = new WebSocketServer({ noServer: true })
  feishu.server.on('upgrade', (request, socket, head) => {
    if (!request.url?.startsWith('/ws/v2')) return socket.destroy()
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections++
      sockets.add(ws)
      ws.on('close', () => {
        sockets.delete(ws)
        for (const [id, wait] of pending) if (wait.socket === ws) wait.resolve(null)
      })
      ws.on('message', (bytes: Buffer) => {
        if (silent.has(ws)) return
        const frame = Frame.decode(bytes)
        if (frame.method === CONTROL && header(frame, 'type') === 'ping') {
          pings++
          send(ws, { ...control('pong'), payload: new TextEncoder().encode(JSON.stringify(clientConfig)) })
        }
        if (frame.method === DATA) {
          const id = header(frame, 'message_id')!
          const wait = pending.get(id)
          if (!wait) return
          if (ackLosses > 0) {
            // The client handled it, but its acknowledgement is lost with the connection.
            ackLosses--
            ws.terminate()
            return
          }
          acks.set(ws, (acks.get(ws) ?? 0) + 1)
          wait.resolve(frame)
        }
      })
    })
  })

  const control = (type: string): Frame => ({ SeqID: 0, LogID: 0, service: SERVICE_ID, method: CONTROL, headers: [{ key: 'type', value: type }] })
  const send = (ws: WebSocket, frame: Frame) => ws.send(Frame.encode(frame).finish())
  const live = () => [...sockets].filter((ws) => ws.readyState === 1 && !silent.has(ws))

  async function deliverOnce(event: unknown, id: string): Promise<Frame | null> {
    const deadline = Date.now() + 10_000
    let targets = live()
    while (targets.length === 0) {
      if (Date.now() > deadline) throw new Error('no client connected to the fake long-connection service')
      await new Promise((r) => setTimeout(r, 20))
      targets = live()
    }
    const ws = targets[Math.floor(Math.random() * targets.length)]!
    const answer = new Promise<Frame | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ackTimeoutMs)
      pending.set(id, {
        socket: ws,
        resolve: (frame) => {
          clearTimeout(timer)
          pending.delete(id)
          resolve(frame)
        },
      })
    })
    send(ws, {
      SeqID: 0,
      LogID: 0,
      service: SERVICE_ID,
      method: DATA,
      headers: [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: id },
        { key: 'sum', value: '1' },
        { key: 'seq', value: '0' },
        { key: 'trace_id', value: randomUUID() },
      ],
      payload: new TextEncoder().encode(JSON.stringify(event)),
    })
    return answer
  }

  return {
    ...feishu,
    /** Pushes one event (a schema 2.0 envelope) and resolves once a client acknowledged it, redelivering until then. */
    async push(event: unknown): Promise<PushResult> {
      const id = randomUUID()
      for (let deliveries = 1; deliveries <= 20; deliveries++) {
        const frame = await deliverOnce(event, id)
        if (!frame?.payload) continue
        const answer = JSON.parse(new TextDecoder().decode(frame.payload)) as { code: number; data?: string }
        if (answer.code !== 200) continue
        return { code: answer.code, data: answer.data ? JSON.parse(Buffer.from(answer.data, 'base64').toString('utf8')) : undefined, deliveries }
      }
      throw new Error('event not acknowledged after 20 deliveries')
    },
    /** The next `n` acknowledgements are lost: the fake drops that connection instead of taking them. */
    loseAcks(n: number) {
      ackLosses += n
    },
    /** Drops every connection, as a network blip or a restart of Feishu's gateway would. */
    dropAll() {
      for (const ws of sockets) ws.terminate()
    },
    /** Every current connection goes quiet without closing: no pong, no events, nothing read. */
    goSilent() {
      for (const ws of sockets) silent.add(ws)
    },
    /** Endpoint discovery refuses while set (the SDK gives up at once: its `failed` state). */
    refuseDiscovery(refuse: boolean) {
      refuseDiscovery = refuse
    },
    connections: () => connections,
    /** Acknowledged deliveries of each connection that acknowledged any. */
    acksPerConnection: () => [...acks.values()],
    openConnections: () => live().length,
    pings: () => pings,
    discoveries: () => discoveries,
    close: async () => {
      for (const ws of sockets) ws.terminate()
      wss.close()
      await feishu.close()
    },
  }
}
