// The project's own lint rules: the boundaries between feature libraries, and where queries may live.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** `libs/<name>/...` → name; anything else → null. */
function libraryOf(file) {
  const parts = relative(ROOT, file).split(sep);
  return parts[0] === 'libs' && parts.length > 2 ? parts[1] : null;
}

const posix = (file) => relative(ROOT, file).split(sep).join('/');

/**
 * A library is used through its entry point only: `@wmo/<name>`. Its entities have a second entry
 * point, `@wmo/<name>/entities`, for the migration schema alone. Inside a library, its own files
 * are imported by relative path (not through its own entry point, which would be circular); no
 * relative path leaves the library.
 */
const libraryBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another library through its entry point only' },
    schema: [],
    messages: {
      deepImport: "'{{source}}' reaches into a library; import from '@wmo/{{library}}' (its index.ts) instead.",
      entities:
        "'{{source}}' is the entities entry point, which only migrations/schema.ts imports; use the library's services or read functions.",
      ownEntry: "'{{source}}' is this library's own entry point; import the file by its relative path.",
      relativeEscape: "'{{source}}' leaves this library by a relative path; import from '@wmo/{{library}}'.",
    },
  },
  create(context) {
    const file = context.filename;
    const own = libraryOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const scoped = /^@wmo\/([^/]+)(\/(.*))?$/.exec(source);
      if (scoped) {
        const [, library, , rest] = scoped;
        if (library === 'schema') return;
        if (rest === 'entities') {
          if (posix(file) !== 'migrations/schema.ts') context.report({ node, messageId: 'entities', data: { source } });
          return;
        }
        if (rest !== undefined) return context.report({ node, messageId: 'deepImport', data: { source, library } });
        if (own === library) context.report({ node, messageId: 'ownEntry', data: { source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = libraryOf(resolve(dirname(file), source));
      if (target !== null && target !== own)
        context.report({ node, messageId: 'relativeEscape', data: { source, library: target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

/** SQL as people write it here: a statement keyword at the start of a string. */
const SQL =
  /^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|WITH\s+\S+\s+AS\s|(CREATE|ALTER|DROP)\s+(TABLE|INDEX|POLICY|FUNCTION|TRIGGER|ROLE|VIEW|MATERIALIZED)\s|GRANT\s|REVOKE\s|TRUNCATE\s)/;
/** Types whose methods run queries. */
const QUERY_RUNNERS = new Set([
  'EntityManager',
  'Repository',
  'DataSource',
  'QueryRunner',
  'SelectQueryBuilder',
  'QueryBuilder',
]);

/**
 * Queries live in repositories (`*.repository.ts`): no SQL string, and no method call on a
 * TypeORM EntityManager, Repository, DataSource or QueryRunner, anywhere else in libs/ and apps/.
 * The database and tenancy libraries are the plumbing beneath repositories and are exempt.
 */
const noQueryOutsideRepository = {
  meta: {
    type: 'problem',
    docs: { description: 'Run queries in repositories only' },
    schema: [],
    messages: {
      sql: 'SQL belongs in a *.repository.ts of the library that owns the table.',
      call: '{{type}}.{{method}}() runs a query; call a repository of the library that owns the table instead.',
    },
  },
  create(context) {
    const file = context.filename;
    const services = context.sourceCode.parserServices;
    const typed = Boolean(services?.program);
    const checker = typed ? services.program.getTypeChecker() : null;
    const typeName = (node) => {
      if (!typed) return null;
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      const symbol = type.getSymbol() ?? type.aliasSymbol;
      return symbol ? symbol.getName() : null;
    };
    const text = (node) =>
      node.type === 'Literal'
        ? typeof node.value === 'string'
          ? node.value
          : ''
        : node.quasis.map((q) => q.value.cooked ?? '').join('?');
    return {
      Literal(node) {
        if (typeof node.value === 'string' && SQL.test(node.value)) context.report({ node, messageId: 'sql' });
      },
      TemplateLiteral(node) {
        if (node.parent.type === 'TaggedTemplateExpression') return;
        if (SQL.test(text(node))) context.report({ node, messageId: 'sql' });
      },
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
        const type = typeName(node.callee.object);
        if (type && QUERY_RUNNERS.has(type)) {
          context.report({ node, messageId: 'call', data: { type, method: node.callee.property.name } });
        }
      },
    };
  },
};

export default {
  meta: { name: 'eslint-plugin-wmo' },
  rules: { 'library-boundaries': libraryBoundaries, 'no-query-outside-repository': noQueryOutsideRepository },
};
