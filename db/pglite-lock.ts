import { randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * PGlite's files belong to one process: a second one opening them sees its own state and overwrites the other's
 * writes without a word. So the process that opens a data directory holds `<dir>.lock` (pid, what it is, its port
 * once it listens, and a token for local commands to reach it), created exclusively; every other process reads it
 * and goes through the holder or stops.
 */
export interface LockHolder {
  pid: number
  host: string
  /** What holds it, as the person typed it: `npm start`, `npm run chat`, `npm run cli -- import`. */
  command: string
  startedAt: string
  /** The holder's HTTP port once it listens; null for a command that serves nothing. */
  port: number | null
  /** Bearer token the holder's admin API accepts from local commands (the lock file is readable by its owner only). */
  localToken: string | null
}

export class DatabaseHeld extends Error {
  override name = 'DatabaseHeld'
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`${dataDir} is held by ${holder.command} (pid ${holder.pid}${holder.port ? `, http://127.0.0.1:${holder.port}` : ''})`)
  }
}

export interface PgliteLock {
  readonly path: string
  /** Records the port the holder now listens on and the token local commands use to reach it. */
  announce(port: number): LockHolder
  release(): void
}

export const lockPathOf = (dataDir: string) => `${dataDir}.lock`

/** Reads the holder of a data directory's lock, or null when it is free or its holder has died. */
export function lockHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(lockPathOf(dataDir))
  return holder && isAlive(holder) ? holder : null
}

/** Takes the data directory's lock, taking over a dead holder's; throws DatabaseHeld while a live process holds it. */
export function acquireLock(dataDir: string, command: string = commandLine()): PgliteLock {
  const path = lockPathOf(dataDir)
  let holder: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString(), port: null, localToken: null }
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(path, holder)) return lockOf(path, () => holder, (h) => (holder = h))
    const current = readHolder(path)
    if (current && isAlive(current)) throw new DatabaseHeld(dataDir, current)
    if (current === null && isFresh(path)) pause(20) // just created by a process still writing its name into it
    else takeOverStale(path, current)
  }
  throw new Error(`could not take the lock ${path}`)
}

function lockOf(path: string, get: () => LockHolder, set: (h: LockHolder) => void): PgliteLock {
  let released = false
  const release = () => {
    if (released) return
    released = true
    // Only our own lock: a holder that took over after we were presumed dead keeps theirs.
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true })
  }
  process.once('exit', release)
  return {
    path,
    announce(port) {
      const holder = { ...get(), port, localToken: randomBytes(24).toString('base64url') }
      writeFileSync(path, JSON.stringify(holder), { mode: 0o600 })
      set(holder)
      return holder
    },
    release,
  }
}

function createExclusive(path: string, holder: LockHolder): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(holder))
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * Two processes may find the same dead holder at once; the one that makes the take-over directory removes the stale
 * file (if it is still the one it read), the other retries. A take-over directory left by a crash is old and ignored.
 */
function takeOverStale(path: string, stale: LockHolder | null): void {
  const guard = `${path}.takeover`
  try {
    mkdirSync(guard)
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard)
    } catch {}
    pause(20)
    return
  }
  try {
    const now = readHolder(path)
    if (now === null ? stale === null : stale !== null && now.pid === stale.pid && now.startedAt === stale.startedAt) rmSync(path, { force: true })
  } finally {
    rmdirSync(guard)
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 2_000
  } catch {
    return false
  }
}

function readHolder(path: string): LockHolder | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = JSON.parse(text) as LockHolder
    return typeof parsed.pid === 'number' ? parsed : null
  } catch {
    // Half-written by a holder that died mid-write, or not ours: treated as stale.
    return null
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true // another machine sharing the folder: never presume it dead
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** How the person started this process, in their words: `npm run cli -- export`, `npm start`. */
function commandLine(): string {
  const script = process.env.npm_lifecycle_event
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-')).slice(0, 1)
  if (script === 'start') return 'npm start'
  if (script) return `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`
  return `node ${process.argv.slice(1, 3).join(' ')}`
}
