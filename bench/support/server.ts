import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface RunningServer {
  url: string
  pid: number
  child: ChildProcess
  /** Everything the process printed, for a check that failed. */
  output: () => string
  /** Resident memory in bytes, read from /proc. */
  rss: () => number
  exited: () => boolean
  stop: () => Promise<void>
}

const LISTENING = /listening on (?:http:\/\/[^\s:]+:)?(\d+)/

/**
 * Starts a Node entry point (`src/server.ts` or a bench server) as its own process and waits until it prints
 * `listening on …:PORT`, so load and server do not share one event loop. The port is the kernel's choice (PORT=0):
 * a port picked here could already be the local end of one of the thousands of connections an earlier check made.
 */
export async function startServer(entry: string, env: Record<string, string>, options: { port?: number } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(options.port ?? 0), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exited = false
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  child.on('exit', () => (exited = true))
  const deadline = Date.now() + 30_000
  let listening: RegExpExecArray | null
  while (!(listening = LISTENING.exec(output))) {
    if (exited) throw new Error(`${entry} exited before listening:\n${output}`)
    if (Date.now() > deadline) throw new Error(`${entry} did not listen within 30 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url: `http://127.0.0.1:${listening[1]}`,
    pid: child.pid!,
    child,
    output: () => output,
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    exited: () => exited,
    stop: async () => {
      if (exited) return
      child.kill('SIGTERM')
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000))])
      if (!exited) child.kill('SIGKILL')
    },
  }
}
