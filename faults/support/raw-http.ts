import { connect } from 'node:net'

export interface RawOutcome {
  /** The response status, when one arrived. */
  status?: number
  /** The socket error (ECONNRESET, EPIPE…) that ended the exchange before any response. */
  error?: string
  /** Body bytes handed to the socket before the first response byte arrived (all of them when none did). */
  bytesBeforeResponse: number
  abandoned: boolean
  ms: number
}

export interface RawRequest {
  url: string
  method?: string
  path: string
  headers?: Record<string, string>
  body: Buffer
  /** Body bytes per write, and the pause between writes: a slow client dribbles. */
  pieceBytes: number
  gapMs: number
  /** Sends `Transfer-Encoding: chunked` instead of a Content-Length. */
  chunked?: boolean
  /** Closes the socket after this many body bytes, as a client that gives up mid-upload. */
  abandonAfter?: number
  timeoutMs?: number
  /** The request line and headers exactly as given, for requests no HTTP client would send. */
  head?: string
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One HTTP/1.1 request over a plain socket, so the body can be sent slowly, cut off, or cut short by the server's
 * answer: writing stops as soon as a response starts, which shows whether the server answered before reading it all.
 */
export function rawRequest(request: RawRequest): Promise<RawOutcome> {
  const { hostname, port } = new URL(request.url)
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    let response = ''
    let written = 0
    let bytesBeforeResponse = -1
    let settled = false
    const finish = (outcome: Omit<RawOutcome, 'ms' | 'bytesBeforeResponse'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ ...outcome, bytesBeforeResponse: bytesBeforeResponse < 0 ? written : bytesBeforeResponse, ms: performance.now() - started })
    }
    const timer = setTimeout(() => finish({ error: 'timeout', abandoned: false }), request.timeoutMs ?? 15_000)
    const statusOf = () => Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1])
    socket.on('data', (data) => {
      if (bytesBeforeResponse < 0) bytesBeforeResponse = written
      response += data.toString('latin1')
      // The status line is all this needs; a closed or complete response ends the exchange.
      if (statusOf()) finish({ status: statusOf(), abandoned: false })
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(statusOf() ? { status: statusOf(), abandoned: false } : { error: error.code ?? error.message, abandoned: false })
    })
    socket.on('close', () => finish(statusOf() ? { status: statusOf(), abandoned: false } : { error: 'closed without a response', abandoned: false }))
    socket.on('connect', async () => {
      const headers: Record<string, string> = {
        host: `${hostname}:${port}`,
        connection: 'close',
        ...request.headers,
        ...(request.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(request.body.length) }),
      }
      socket.write(request.head ?? `${request.method ?? 'POST'} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`)
      for (let at = 0; at < request.body.length && !settled; at += request.pieceBytes) {
        if (request.abandonAfter !== undefined && at >= request.abandonAfter) return finish({ abandoned: true })
        const piece = request.body.subarray(at, at + request.pieceBytes)
        const flushed = socket.write(request.chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece)
        written += piece.length
        if (!flushed) await new Promise((resolve) => socket.once('drain', resolve))
        if (request.gapMs) await wait(request.gapMs)
      }
      if (!settled && request.chunked) socket.write('0\r\n\r\n')
    })
  })
}
