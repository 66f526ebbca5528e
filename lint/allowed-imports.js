// @ts-check
// An ESLint rule: each folder may import only what its allow-list names (lint/boundaries.js).
// An allow-list rather than a list of bans, so that a package nobody thought of (a new Node
// built-in, a second settings library, a test driver) is refused until someone decides it
// belongs there. Every way of naming a module is checked: static and type-only imports,
// re-exports, dynamic import() and require(), and `import('x').T` types.
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** `node:fs`, `fs`, `fs/promises` … */
export function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/** The npm package a bare specifier names: `@scope/name` or `name`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * @typedef {{ packages?: string[], nodeBuiltins?: boolean, folders?: string[], computed?: boolean, why?: string }} AllowList
 * `packages`: npm packages this folder may import; `nodeBuiltins`: whether Node's own modules
 * are available where it runs; `folders`: repository folders (relative to the root) that its
 * relative imports may reach; `computed`: whether a module named at run time may be loaded
 * (only tooling that loads its own files by name); `why`: said in every refusal.
 */

/** Why a specifier is refused in a file under this allow-list, or null when it is allowed. */
export function refusal(specifier, fileDir, root, allow) {
  const why = allow.why ? ` (${allow.why})` : '';
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.relative(root, path.resolve(fileDir, specifier)).split(path.sep).join('/');
    const folders = allow.folders ?? [];
    if (folders.some((folder) => target === folder || target.startsWith(`${folder}/`))) return null;
    return `'${specifier}' reaches ${target}, outside this folder's allowed folders [${folders.join(', ')}]${why}.`;
  }
  if (isNodeBuiltin(specifier)) return allow.nodeBuiltins ? null : `Node built-in '${specifier}' is not available here${why}.`;
  const name = packageOf(specifier);
  if ((allow.packages ?? []).includes(name)) return null;
  return `'${name}' is not on this folder's allow-list [${(allow.packages ?? []).join(', ')}]${why}.`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow each folder only the imports its allow-list names' },
    schema: [
      {
        type: 'object',
        properties: {
          packages: { type: 'array', items: { type: 'string' } },
          nodeBuiltins: { type: 'boolean' },
          folders: { type: 'array', items: { type: 'string' } },
          computed: { type: 'boolean' },
          why: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: { refused: '{{reason}}', dynamic: 'A module named at run time cannot be checked against the allow-list: name it literally.' },
  },
  create(context) {
    /** @type {AllowList} */
    const allow = context.options[0] ?? {};
    const root = context.cwd;
    const fileDir = path.dirname(context.physicalFilename);
    /** @param {any} source */
    const check = (source) => {
      if (!source) return;
      const value = source.type === 'Literal' ? source.value : source.type === 'TemplateLiteral' && source.expressions.length === 0 ? source.quasis[0].value.cooked : undefined;
      if (typeof value !== 'string') return allow.computed ? undefined : context.report({ node: source, messageId: 'dynamic' });
      const reason = refusal(value, fileDir, root, allow);
      if (reason) context.report({ node: source, messageId: 'refused', data: { reason } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      /** @param {any} node */
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) check(node.arguments[0]);
      },
      /** @param {any} node `import('x').T` in a type position */
      TSImportType(node) {
        if (node.source) return check(node.source);
        // typescript-eslint before 8.x named it `argument`, a literal type around the string
        const argument = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        check(argument);
      },
      /** @param {any} node `import x = require('x')` */
      TSExternalModuleReference(node) {
        check(node.expression);
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
