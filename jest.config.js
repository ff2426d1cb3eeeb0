// Unit specs live next to the code (libs/<feature>/src/*.spec.ts); end-to-end specs in test/. TZ is pinned in `npm test`.
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // @fastify/static (Swagger UI) requires this ESM-only package; Node >= 20.19 loads it natively,
    // Jest's module system does not, so it is compiled to CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2023', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@wmo/schema$': '<rootDir>/migrations/schema',
    '^@wmo/(.*)$': '<rootDir>/libs/$1/src',
  },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: ['<rootDir>/test/support/setup-logging.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
