/**
 * The floor for a read endpoint: bare Fastify and one primary-key SELECT on the same database,
 * with the same pool size as the API. It reads the very row the API endpoint reads (the prepared
 * municipality document), so both send the same bytes and the difference is the API's own work:
 * authentication, tenant context, validation, security headers, logging, error handling.
 * `npm run bench` starts it next to the API.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  const app = Fastify({ logger: false });
  app.get<{ Params: { code: string } }>('/bare/municipalities/:code', async (request, reply) => {
    const { rows } = await pool.query<{ body: string }>('SELECT body FROM municipality_detail WHERE code = $1', [
      request.params.code,
    ]);
    if (rows.length === 0) return reply.code(404).send({ status: 404 });
    return reply.type('application/json').send(rows[0].body);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${address}\n`);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}

void main();
