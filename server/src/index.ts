/** The reference server as a library: build it over your own database and authenticator. */
export { createServer, type ServerOptions, type QuotaServer, type PlanEvent } from './app.js';
export { openPglite, openPostgres, openFromEnv, type Db, type Sql } from './db.js';
export { migrate, MIGRATIONS } from './migrations.js';
export { seed, type SeedData } from './data.js';
export { hmacTokens, trustedHeader, type Authenticator, type HmacTokens } from './auth.js';
export { sampleSeed } from './sample.js';
export { listen, type Listening } from './listen.js';
