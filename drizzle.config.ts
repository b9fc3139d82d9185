import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './worker/db/schema.ts',
  out: './worker/db/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'file:./data/iup-stod.db',
    authToken: process.env.LIBSQL_AUTH_TOKEN,
  },
});
