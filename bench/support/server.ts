import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// Absolute, so a server started in another directory (a temp dir for PGlite's ./.data) still finds tsx and its entry.
const TSX_LOADER = import.meta.resolve('tsx')

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
 * `cwd` (default: the repository) is where the server resolves relative paths, e.g. the embedded database's ./.data.
 */
export async function startServer(entry: string, env: Record<string, string>, options: { port?: number; cwd?: string; listenTimeoutMs?: number } = {}): Promise<RunningServer> {
  // BENCH_SERVER_PROFILE=<dir>: the server writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_SERVER_PROFILE)}`] : []
  const child = spawn(process.execPath, [...profile, '--import', TSX_LOADER, resolve(ROOT, entry)], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(options.port ?? 0), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exited = false
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  child.on('exit', () => (exited = true))
  const listenTimeoutMs = options.listenTimeoutMs ?? 30_000
  const deadline = Date.now() + listenTimeoutMs
  let listening: RegExpExecArray | null
  while (!(listening = LISTENING.exec(output))) {
    if (exited) throw new Error(`${entry} exited before listening:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${entry} did not listen within ${listenTimeoutMs / 1000} s:\n${output}`)
    }
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
