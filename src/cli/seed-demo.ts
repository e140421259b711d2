import { boot, exitOnBootError } from '../boot'
import { DEMO_TENANT, seedDemo } from '../demo/seed'
import { systemClock } from '../domain/clock'
import { demoHandles } from '../trial'
import { configOrExit, runningServer } from './running-server'

const server = runningServer(configOrExit())
if (server) {
  // The holder owns the files; in local trial mode it loaded the demo into the empty database itself.
  console.error(
    `duikou: ${server.holder.command} (pid ${server.holder.pid}, ${server.url}) holds the embedded database; it loads the demo by itself in local trial mode. ` +
      'Talk to it with npm run chat -- --as zhangwei, or stop it first to seed here.',
  )
  process.exit(1)
}
const { config, database } = await boot().catch(exitOnBootError)
try {
  // Platform accounts only when a platform is connected; otherwise everything shows in the console.
  const chatAccounts = Boolean(config.feishu.appId || config.wecom.corpId)
  const { created } = await seedDemo(database.db, systemClock, { chatAccounts })
  console.log(created ? `Demo data loaded into tenant "${DEMO_TENANT}".` : `Demo tenant "${DEMO_TENANT}" already exists; nothing changed.`)
  console.log(`Speak as one of them with: npm run chat -- --as <handle>\n${demoHandles()}`)
} finally {
  await database.close()
}
