import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../db/client'
import { migrate } from '../../db/migrate'
import { adminUrl, type TestDatabaseSource } from './test-database-source'

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource
  }
}

/**
 * Migrates one template database per run; each test file then gets its own copy (a copied PGlite directory, or
 * CREATE DATABASE … TEMPLATE on PostgreSQL), so files are isolated without migrating again.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL
  if (url && url !== 'memory://') {
    const template = `duikou_tpl_${process.pid}_${Date.now()}`
    const admin = await openDatabase({ driver: 'postgres', url })
    await admin.db.execute(`create database "${template}"`)
    await admin.close()
    const db = await openDatabase({ driver: 'postgres', url: adminUrl(url, template) })
    await migrate(db)
    await db.close()
    project.provide('testDatabase', { driver: 'postgres', url, template })
    return async () => {
      const admin = await openDatabase({ driver: 'postgres', url })
      await admin.db.execute(`drop database if exists "${template}" with (force)`)
      await admin.close()
    }
  }
  const templateDir = mkdtempSync(join(tmpdir(), 'duikou-template-'))
  const db = await openDatabase({ driver: 'pglite', dataDir: templateDir })
  await migrate(db)
  await db.close()
  project.provide('testDatabase', { driver: 'pglite', templateDir })
  return () => rmSync(templateDir, { recursive: true, force: true })
}
