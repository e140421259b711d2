import { randomUUID } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { type Database, openDatabase } from '../../db/client'
import { adminUrl } from './test-database-source'

/**
 * Gives the calling test file its own migrated database (a real PGlite or PostgreSQL, never a mock) for its whole
 * run. Tests inside a file share it and must seed what they need under their own names.
 */
export function useTestDatabase(): { readonly database: Database; readonly url: string | null } {
  const source = inject('testDatabase')
  let database: Database | undefined
  let url: string | null = null
  let cleanup = async () => {}

  beforeAll(async () => {
    if (source.driver === 'postgres') {
      const name = `duikou_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
      const admin = await openDatabase({ driver: 'postgres', url: source.url })
      await admin.db.execute(`create database "${name}" template "${source.template}"`)
      url = adminUrl(source.url, name)
      database = await openDatabase({ driver: 'postgres', url })
      cleanup = async () => {
        await admin.db.execute(`drop database if exists "${name}" with (force)`)
        await admin.close()
      }
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'duikou-test-'))
      cpSync(source.templateDir, dir, { recursive: true })
      database = await openDatabase({ driver: 'pglite', dataDir: dir })
      cleanup = async () => rmSync(dir, { recursive: true, force: true })
    }
  })

  afterAll(async () => {
    await database?.close()
    await cleanup()
  })

  return {
    get database() {
      if (!database) throw new Error('the test database is opened in beforeAll')
      return database
    },
    /** The PostgreSQL URL of this file's database; null on PGlite, which only this process can open. */
    get url() {
      return url
    },
  }
}
