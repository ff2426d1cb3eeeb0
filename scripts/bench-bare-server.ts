/**
 * The floor for a read endpoint: bare Fastify and one primary-key SELECT on the same database,
 * with the same pool size as the API. `npm run bench` starts it next to the API.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  const app = Fastify({ logger: false });
  app.get<{ Params: { code: string } }>('/bare/municipalities/:code', async (request, reply) => {
    const { rows } = await pool.query('SELECT code, name, province_code FROM municipality WHERE code = $1', [request.params.code]);
    if (rows.length === 0) return reply.code(404).send({ status: 404 });
    return rows[0];
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${address}\n`);
  process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
}

void main();
