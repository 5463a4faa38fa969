// The baseline: a bare Fastify 5 endpoint that validates the same zod body with fastify-type-provider-zod and inserts
// one row through a node-postgres pool of the application's size. No session, no business rules, no audit.
import { exportReturnInputSchema } from '@returntrace/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { z } from 'zod';

export interface BareApp {
  origin: string;
  inserted(): Promise<number>;
  close(): Promise<void>;
}

export async function startBareApp(databaseUrl: string, poolSize: number, bodyLimit: number): Promise<BareApp> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_submits (
    id bigserial PRIMARY KEY, return_id uuid NOT NULL, idempotency_key text NOT NULL, body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`);
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/export-returns/:id/submit', {
    schema: {
      params: z.object({ id: z.uuid() }),
      headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().optional() }),
      body: exportReturnInputSchema,
      response: { 200: z.object({ id: z.number().int(), returnId: z.uuid(), createdAt: z.string() }) },
    },
  }, async (request) => {
    const { rows } = await pool.query<{ id: string; created_at: Date }>(
      'INSERT INTO bare_submits (return_id, idempotency_key, body) VALUES ($1, $2, $3) RETURNING id, created_at',
      [request.params.id, request.headers['idempotency-key'] ?? '', request.body],
    );
    return { id: Number(rows[0]!.id), returnId: request.params.id, createdAt: rows[0]!.created_at.toISOString() };
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    origin,
    async inserted() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM bare_submits');
      return Number(rows[0]!.n);
    },
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
