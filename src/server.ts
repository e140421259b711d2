import { serve } from '@hono/node-server'
import { boot, exitOnBootError, VERSION } from './boot'
import { systemClock } from './domain/clock'
import { startNodeApp } from './node-app'

const { config, database } = await boot().catch(exitOnBootError)
const { app, stop: stopApp } = startNodeApp({ database, clock: systemClock, config, version: VERSION })

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(
    `duikou ${VERSION} listening on http://${info.address}:${info.port} (database: ${database.driver}${config.console.enabled ? ', console enabled' : ''})`,
  )
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
