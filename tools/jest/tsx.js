'use strict';
// The portal's components (apps/web/src/**/*.tsx) for unit specs that render them to HTML: each
// file transpiled on its own (JSX to react/jsx-runtime, CommonJS for Jest), without type checks
// (`tsc -p apps/web/tsconfig.json` does those). Not ts-jest: it shares one configuration per Jest
// project between its transformers, and the `.ts` one (tools/jest/swagger-plugin.js) has no JSX.
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  jsx: ts.JsxEmit.ReactJSX,
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, fileName) {
    return { code: ts.transpileModule(source, { compilerOptions, fileName }).outputText };
  },
  getCacheKey(source, fileName) {
    return createHash('sha256')
      .update(ts.version)
      .update('\0')
      .update(fileName)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};
