// Two projects: `unit` (libs/**/*.spec.ts: pure code, mocked repositories, no database, no global
// setup) and `e2e` (test/**/*.e2e-spec.ts: the real app on a real PostgreSQL). `npm test` runs
// both; `npm run test:unit` only the first. TZ is pinned in the npm scripts.

// ts-jest with the @nestjs/swagger compiler plugin and the options `nest build` uses (nest-cli.json), so
// that the tests serve the same OpenAPI document as the build (see tools/jest/swagger-plugin.js).
const swaggerPlugin = {
  path: '<rootDir>/tools/jest/swagger-plugin.js',
  options: require('./nest-cli.json').projects.api.compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger')
    .options,
};
const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: {
    '^.+\\.ts$': [swaggerPlugin.path, { tsconfig: 'tsconfig.json', astTransformers: { before: [swaggerPlugin] } }],
    // The portal's components (apps/web/src/**/*.tsx), for unit specs that render them to HTML.
    '^.+\\.tsx$': '<rootDir>/tools/jest/tsx.js',
  },
  moduleNameMapper: {
    '^@wmo/schema$': '<rootDir>/migrations/schema',
    '^@wmo/([^/]+)/entities$': '<rootDir>/libs/$1/src/entities',
    '^@wmo/([^/]+)$': '<rootDir>/libs/$1/src',
  },
  setupFiles: ['<rootDir>/test/support/setup-logging.ts'],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.tsx',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
