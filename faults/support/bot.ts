import { sql } from 'drizzle-orm'
import { rowsOf } from '../../db/database'
import { dropDatabase, freshDatabase, settled } from '../../bench/support/database'
import { seedDoctors } from '../../bench/support/doctors'
import { type RunningServer, startServer } from '../../bench/support/server'
import { systemClock } from '../../src/domain/clock'
import { FEISHU_ENV, startFakeFeishu } from '../../test/support/feishu'
import { waitFor } from '../check'

/**
 * The real server as its own process on a fresh database with `doctors` registered Feishu users, replying to a
 * local fake Feishu; `settled` waits until every stored message was handled and every reply sent.
 */
export async function startBot(
  name: string,
  doctors: number,
  options: { feishu?: Parameters<typeof startFakeFeishu>[0]; env?: Record<string, string> } = {},
) {
  const { url, database } = await freshDatabase(name)
  await seedDoctors(database.db, systemClock, doctors)
  const feishu = await startFakeFeishu(options.feishu)
  let server: RunningServer | null = null
  const count = async (query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n

  try {
    server = await startServer('src/server.ts', { DATABASE_URL: url, ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo', ...options.env })
  } catch (error) {
    await feishu.close()
    await database.close()
    throw error
  }
  return {
    server,
    database,
    feishu,
    count,
    settled: (ms: number) => waitFor(() => settled(database.db), ms, 200),
    stop: async () => {
      await server.stop()
      if (process.env.FAULTS_VERBOSE) process.stderr.write(server.output())
      await feishu.close()
      await database.close()
      await dropDatabase(name)
    },
  }
}
