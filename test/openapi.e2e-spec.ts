import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { registeredRoutes } from '../apps/api/src/create-api-app';
import { startTestApp, TestApp } from './support/test-app';

interface Operation {
  summary?: string;
  parameters?: Array<{ name: string; in: string; schema?: unknown }>;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

interface Schema {
  properties: Record<string, unknown>;
  required?: string[];
}

describe('OpenAPI description', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );

  it('serves Swagger UI at /api/docs', async () => {
    const res = await request(t.server).get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });

  it('describes every route the API serves', () => {
    const documented = new Set(operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    const served = registeredRoutes(t.app)
      .filter((route) => route.url.startsWith('/api/v1') || route.url === '/health')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(0);
    for (const route of served) expect(documented).toContain(route);
  });

  it('gives every operation a summary, a typed success response and its errors as problem+json', () => {
    for (const { path, method, op } of operations()) {
      const context = `${method.toUpperCase()} ${path}`;
      expect([context, op.summary]).toEqual([context, expect.any(String)]);
      const success = Object.keys(op.responses).filter((status) => status.startsWith('2'));
      expect([context, success.length > 0]).toEqual([context, true]);
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      expect([context, errors.length > 0]).toEqual([context, true]);
      for (const [, response] of errors) {
        expect(response.content?.['application/problem+json']?.schema?.$ref).toBe(
          '#/components/schemas/ProblemDetailsDto',
        );
      }
    }
    expect(doc.components.schemas.ProblemDetailsDto).toBeDefined();
  });

  it('documents every path and query parameter, and the 400 of any operation that takes one', () => {
    for (const { path, method, op } of operations()) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const documented = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect([path, documented.sort()]).toEqual([path, pathParams.sort()]);
      if ((op.parameters ?? []).length)
        expect([`${method} ${path}`, Object.keys(op.responses)]).toEqual([
          `${method} ${path}`,
          expect.arrayContaining(['400']),
        ]);
    }
    const list = doc.paths['/api/v1/municipalities'].get;
    expect(list.parameters!.map((p) => p.name).sort()).toEqual(['limit', 'page', 'province', 'q', 'sort', 'year']);
  });

  it('documents DTO properties from their types, optionality and doc comments (the @nestjs/swagger plugin)', () => {
    const schemas = doc.components.schemas;
    expect(schemas.UserPageDto).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/UserDto' } },
        total: { type: 'number' },
        page: { type: 'number' },
        limit: { type: 'number' },
      },
      required: ['items', 'total', 'page', 'limit'],
    });
    expect(schemas.AuditEventDto.properties.entityId).toEqual({ type: 'string', nullable: true });
    expect(schemas.TokenPairDto.properties.accessToken).toEqual({
      type: 'string',
      description: 'JWT (HS256), valid 15 minutes. Send as `Authorization: Bearer <accessToken>`.',
    });
    expect(schemas.UpdateUserDto.properties.name).toEqual({ type: 'string' });
    expect(schemas.UpdateUserDto.required).toBeUndefined();
  });

  it('names every schema once: two DTO classes with one name would publish only one of them', () => {
    const names = dtoClassNames(join(__dirname, '..', 'libs'));
    const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
    expect(duplicates).toEqual([]);
    expect(names.length).toBeGreaterThan(50);
  });
});

/** The exported DTO classes of every library (Swagger names a schema after its class). */
function dtoClassNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoClassNames(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/^export class (\w+Dto)\b/gm)].map((match) => match[1]);
  });
}
