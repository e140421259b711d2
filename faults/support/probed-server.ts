import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * The real server (src/server.ts) with a memory probe for fault checks: on SIGUSR2 it collects all garbage and prints
 * `MEMORY {json}` of process.memoryUsage(), so a check compares what is still alive rather than where the GC's
 * sawtooth happened to be.
 */
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
process.on('SIGUSR2', () => {
  gc()
  console.log(`MEMORY ${JSON.stringify(process.memoryUsage())}`)
})

await import('../../src/server')
