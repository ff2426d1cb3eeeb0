import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IS_PUBLIC } from '@wmo/common';
import { REQUIRED_ROLES, type RouteAccess } from '@wmo/tenancy';
import { API_PREFIX } from '../../apps/api/src/create-api-app';

/**
 * What each route of the application declares, as the guards read it (the handler's metadata,
 * else its controller's): `public`, `any` signed-in caller, or the roles it needs. Keyed like
 * `registeredRoutes`: `GET /api/v1/invoices/:id`.
 */
export function declaredAccess(app: NestFastifyApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  const join = (...parts: string[]) =>
    '/' +
    parts
      .flatMap((part) => part.split('/'))
      .filter(Boolean)
      .join('/');
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        const url = base === 'health' ? join(base, path) : join(API_PREFIX, base, path);
        const roles = read<string[]>(REQUIRED_ROLES);
        access.set(
          `${method} ${url}`,
          read<boolean>(IS_PUBLIC) ? 'public' : roles?.length ? ([...roles].sort() as RouteAccess) : 'any',
        );
      }
    }
  return access;
}
