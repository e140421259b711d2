import { serve } from '@hono/node-server'
import { boot, exitOnBootError, VERSION } from './boot'
import { systemClock } from './domain/clock'
import { startNodeApp } from './node-app'
import { startTrial } from './trial'

const { config, database } = await boot().catch(exitOnBootError)
let localToken: string | null = null
const { app, stop: stopApp } = startNodeApp({ database, clock: systemClock, config, version: VERSION, localToken: () => localToken })
const trial = config.trial ? await startTrial(database, systemClock) : null

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  localToken = database.lock?.announce(info.port).localToken ?? null
  console.log(
    `duikou ${VERSION} listening on http://${info.address}:${info.port} (database: ${database.driver}${config.console.enabled ? ', console enabled' : ''})`,
  )
  if (trial) console.log(trial.greeting(config.console.enabled))
})
server.on('error', async (error: NodeJS.ErrnoException) => {
  console.error(`duikou: cannot listen on ${config.host}:${config.port} — ${error.code === 'EADDRINUSE' ? 'the port is in use (set PORT to another one)' : error.message}`)
  await stopApp()
  await database.close()
  process.exit(1)
})

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  server.close()
  await stopApp()
  // PGlite writes its files on close; leaving without it can lose the last transactions.
  await database.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
