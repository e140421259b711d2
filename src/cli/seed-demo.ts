import { boot, exitOnBootError } from '../boot'
import { DEMO_PEOPLE, DEMO_TENANT, seedDemo } from '../demo/seed'
import { systemClock } from '../domain/clock'

const { config, database } = await boot().catch(exitOnBootError)
try {
  // Platform accounts only when a platform is connected; otherwise everything shows in the console.
  const chatAccounts = Boolean(config.feishu.appId || config.wecom.corpId)
  const { created } = await seedDemo(database.db, systemClock, { chatAccounts })
  console.log(created ? `Demo data loaded into tenant "${DEMO_TENANT}".` : `Demo tenant "${DEMO_TENANT}" already exists; nothing changed.`)
  console.log('Speak as one of them with: npm run chat -- --as <handle>')
  for (const p of DEMO_PEOPLE) console.log(`  ${p.handle.padEnd(14)} ${p.name}  (${p.roles.map((r) => r.role).join(', ')})`)
} finally {
  await database.close()
}
