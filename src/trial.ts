import type { Database } from '../db/client'
import { anyTenant } from '../db/repositories/tenants'
import { DEMO_PEOPLE, DEMO_TENANT, seedDemo } from './demo/seed'
import type { Clock } from './domain/clock'

/** The demo handles, one line each, as `npm start` and `npm run seed:demo` print them. */
export function demoHandles(): string {
  return DEMO_PEOPLE.map((p) => `  ${p.handle.padEnd(14)} ${p.name}  (${p.roles.map((r) => r.role).join(', ')})`).join('\n')
}

/**
 * Local trial mode (no platform credentials, the embedded database): an empty database gets the demo, so the first
 * `npm start` on a fresh clone has someone to talk to. A database that holds any tenant is left as it is.
 */
export async function startTrial(database: Database, clock: Clock): Promise<{ seeded: boolean; greeting: (consoleOn: boolean) => string }> {
  const seeded = !(await anyTenant(database.db)) && (await seedDemo(database.db, clock, { chatAccounts: false })).created
  return {
    seeded,
    greeting: (consoleOn) =>
      [
        seeded ? `Local trial mode: the database was empty, so the demo was loaded (tenant "${DEMO_TENANT}").` : 'Local trial mode (no Feishu/WeCom credentials, embedded database).',
        consoleOn
          ? `Talk to it from another terminal:  npm run chat -- --as zhangwei   (one terminal per person; the handles:)\n${demoHandles()}`
          : 'The console is off (CONSOLE_ENABLED=false, or HOST is not a loopback address).',
      ].join('\n'),
  }
}
