// The few parts of `ws` (a dependency of the Lark SDK, without bundled types) that the fake long-connection service uses.
declare module 'ws' {
  import type { EventEmitter } from 'node:events'
  import type { IncomingMessage } from 'node:http'
  import type { Duplex } from 'node:stream'

  export class WebSocket extends EventEmitter {
    static readonly OPEN: 1
    readonly readyState: number
    send(data: Uint8Array, callback?: (error?: Error) => void): void
    terminate(): void
    close(): void
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { noServer: true })
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (ws: WebSocket) => void): void
    close(): void
  }
}
