import { defineConfig } from 'drizzle-kit'

// `generate` needs no database; `migrate` (npm run db:migrate) applies db/migrations to the server in DATABASE_URL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  ...(process.env.DATABASE_URL ? { dbCredentials: { url: process.env.DATABASE_URL } } : {}),
})
