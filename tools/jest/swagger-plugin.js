'use strict';
// The @nestjs/swagger compiler plugin in Jest, so that the tests serve the OpenAPI document that
// `nest build` produces (the plugin writes each DTO property's type, optionality, enum and JSDoc
// description into a static `_OPENAPI_METADATA_FACTORY` of its class).
//
// tsconfig.json sets `isolatedModules`, so ts-jest transpiles file by file without a type checker,
// which keeps the tests fast; the plugin needs the checker (a property's type may be an enum or a
// DTO declared in another file). So, for DTO files only, this module builds one TypeScript program
// per worker (on the first DTO file that is not in Jest's cache), lets the plugin transform the
// file there, and copies the factory it adds to each class into the file ts-jest emits.
//
// The module is both the Jest transformer (ts-jest with a cache key of its own for DTO files: their
// metadata depends on types declared elsewhere in libs/) and the ts-jest AST transformer.
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { TsJestTransformer } = require('ts-jest');
const { before } = require('@nestjs/swagger/plugin');

/** The static method the plugin adds to each DTO class (@nestjs/swagger reads it at run time). */
const METADATA_FACTORY_NAME = '_OPENAPI_METADATA_FACTORY';

const isDtoFile = (fileName, suffixes) => suffixes.some((suffix) => fileName.endsWith(suffix));

// --- the ts-jest AST transformer (astTransformers.before, with the plugin's options) ------------

let dtoProgram;
/** One program over every DTO file of the tsconfig (and what they import), built once per worker. */
function programFor(compiler, suffixes, sourceFile) {
  if (dtoProgram?.getSourceFile(sourceFile.fileName)?.text !== sourceFile.text) dtoProgram = undefined; // --watch
  if (!dtoProgram) {
    const { fileNames, options } = compiler.configSet.parsedTsConfig;
    dtoProgram = ts.createProgram({ rootNames: fileNames.filter((f) => isDtoFile(f, suffixes)), options });
  }
  return dtoProgram;
}

/** The object each class's metadata factory returns, as JavaScript text, keyed by the class's position. */
function metadataFactories(program, fileName, pluginOptions) {
  const typed = program.getSourceFile(fileName);
  if (!typed) throw new Error(`swagger-plugin: ${fileName} is not in the DTO program`);
  const result = ts.transform(typed, [before(pluginOptions, program)], program.getCompilerOptions());
  const printer = ts.createPrinter();
  const factories = new Map();
  const collect = (node) => {
    if (ts.isClassDeclaration(node)) {
      const factory = node.members.find((m) => ts.isMethodDeclaration(m) && m.name.text === METADATA_FACTORY_NAME);
      const returned = factory?.body?.statements[0];
      if (returned && ts.isReturnStatement(returned) && returned.expression) {
        const original = ts.getOriginalNode(node);
        const text = printer.printNode(ts.EmitHint.Expression, returned.expression, typed);
        factories.set(`${original.pos}:${original.end}`, text);
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(result.transformed[0]);
  result.dispose();
  return factories;
}

/**
 * The factory as ts-jest's own nodes. Its body is the printed object as one synthesized identifier
 * (the plugin writes `require("./x.dto").XDto` the same way), so no node of the other program
 * reaches ts-jest's emit.
 */
function factoryMethod(factory, objectText) {
  return factory.createMethodDeclaration(
    [factory.createModifier(ts.SyntaxKind.StaticKeyword)],
    undefined,
    factory.createIdentifier(METADATA_FACTORY_NAME),
    undefined,
    undefined,
    [],
    undefined,
    factory.createBlock([factory.createReturnStatement(factory.createIdentifier(objectText))], true),
  );
}

const astTransformer = {
  name: 'nestjs-swagger-plugin',
  version: 1,
  factory(compiler, pluginOptions) {
    const suffixes = [].concat(pluginOptions.dtoFileNameSuffix);
    return (ctx) => (sourceFile) => {
      if (!isDtoFile(sourceFile.fileName, suffixes)) return sourceFile;
      const factories = metadataFactories(
        programFor(compiler, suffixes, sourceFile),
        sourceFile.fileName,
        pluginOptions,
      );
      const visit = (node) => {
        node = ts.visitEachChild(node, visit, ctx);
        if (!ts.isClassDeclaration(node)) return node;
        const original = ts.getOriginalNode(node);
        const objectText = factories.get(`${original.pos}:${original.end}`);
        if (objectText === undefined) return node;
        return ctx.factory.updateClassDeclaration(
          node,
          node.modifiers,
          node.name,
          node.typeParameters,
          node.heritageClauses,
          [...node.members, factoryMethod(ctx.factory, objectText)],
        );
      };
      return ts.visitNode(sourceFile, visit);
    };
  },
};

// --- the Jest transformer ------------------------------------------------------------------------

/** A file's bytes; empty when it went away after the directory was read (an editor's save). */
const contents = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return '';
  }
};

let librariesDigest;
/** Every library source (and the plugin's version): what a DTO's metadata may depend on. */
function librariesFingerprint(rootDir) {
  if (librariesDigest === undefined) {
    const hash = createHash('sha1').update(require('@nestjs/swagger/package.json').version);
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
          hash.update(path).update(contents(path));
      }
    };
    walk(join(rootDir, 'libs'));
    librariesDigest = hash.digest('hex');
  }
  return librariesDigest;
}

class SwaggerPluginTsJestTransformer extends TsJestTransformer {
  constructor(tsJestOptions) {
    super(tsJestOptions);
    const plugin = (tsJestOptions?.astTransformers?.before ?? []).find((t) => t.options?.dtoFileNameSuffix);
    this.dtoSuffixes = [].concat(plugin?.options.dtoFileNameSuffix ?? []);
  }

  getCacheKey(sourceText, sourcePath, transformOptions) {
    const key = super.getCacheKey(sourceText, sourcePath, transformOptions);
    if (!isDtoFile(sourcePath, this.dtoSuffixes)) return key;
    return createHash('sha1').update(key).update(librariesFingerprint(transformOptions.config.rootDir)).digest('hex');
  }
}

module.exports = {
  ...astTransformer,
  createTransformer: (tsJestOptions) => new SwaggerPluginTsJestTransformer(tsJestOptions),
};
