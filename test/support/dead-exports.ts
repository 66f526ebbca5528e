import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Exports that no other file imports: names a module offers that nothing uses, which only
 * make the next reader wonder who depends on them. Each file is parsed on its own (no type
 * checker, so it takes a second), and every way of naming a module is read: `import { a }`,
 * `export { a } from`, `import * as`, `export * from`, dynamic `import()`, `import('x').T`
 * types and `vi.mock()` paths. A module reached as a whole (a namespace, a star re-export, a
 * dynamic import, a type query) counts as using every export, so the check errs on the side of
 * keeping. Tests count as users: an export only a test imports stays when the test checks it.
 * Exported types and interfaces are not counted: they name what a function takes and returns
 * (a port, an input), which its callers may spell out or not.
 */
const CODE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP = new Set(['node_modules', 'dist', 'dist-electron', 'dist-types', 'release', 'test-results']);

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) || e.name.startsWith('.') ? [] : filesUnder(root, rel);
    return CODE.test(e.name) && !/\.d\.m?ts$/.test(e.name) ? [rel] : [];
  });
}

/** The repository file a relative specifier names (`./x.js` is `x.ts` or `x.tsx` in the source). */
function resolve(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target.replace(/\.mjs$/, '.mts'), `${target}.ts`, `${target}.tsx`, `${target}/index.ts`];
  for (const c of candidates) {
    try {
      if (statSync(path.join(root, c)).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return null;
}

interface ModuleFacts {
  exported: Map<string, number>; // name -> line
  /** Whether any file imports this one at all: one nobody imports is an entry point (a main, a config, a test), not a module. */
  imported: boolean;
  usedAsWhole: boolean;
  usedNames: Set<string>;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** `{ file, name, line }` of every export under `checked` that no file under `users` imports. */
export function findDeadExports(root: string, checked: string[], users: string[]): { file: string; name: string; line: number }[] {
  const all = [...new Set([...checked, ...users].flatMap((dir) => filesUnder(root, dir)))];
  const facts = new Map<string, ModuleFacts>();
  const factsOf = (file: string) => {
    let f = facts.get(file);
    if (!f) facts.set(file, (f = { exported: new Map(), imported: false, usedAsWhole: false, usedNames: new Set() }));
    return f;
  };
  for (const file of all) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const mine = factsOf(file);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const target = (spec: ts.Expression | undefined) => {
      const t = spec && ts.isStringLiteralLike(spec) ? resolve(root, file, spec.text) : null;
      if (t && t !== file) factsOf(t).imported = true;
      return t;
    };
    const useWhole = (spec: ts.Expression | undefined) => {
      const t = target(spec);
      if (t) factsOf(t).usedAsWhole = true;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        const t = target(node.moduleSpecifier);
        const clause = node.importClause;
        if (t && clause) {
          if (clause.name) factsOf(t).usedNames.add('default');
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) factsOf(t).usedAsWhole = true;
          if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) factsOf(t).usedNames.add((el.propertyName ?? el.name).text);
        }
      } else if (ts.isExportDeclaration(node)) {
        const t = target(node.moduleSpecifier);
        if (t && !node.exportClause) factsOf(t).usedAsWhole = true;
        if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          for (const el of node.exportClause.elements) {
            if (t) factsOf(t).usedNames.add((el.propertyName ?? el.name).text);
            if (!el.isTypeOnly && !node.isTypeOnly) mine.exported.set(el.name.text, lineOf(el));
          }
        }
        if (node.exportClause && ts.isNamespaceExport(node.exportClause)) {
          if (t) factsOf(t).usedAsWhole = true;
          mine.exported.set(node.exportClause.name.text, lineOf(node));
        }
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isMock = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'vi' && /^(mock|doMock|importActual)$/.test(callee.name.text);
        if (isImport || isMock) useWhole(node.arguments[0]);
      } else if (ts.isImportTypeNode(node)) {
        const arg = node.argument;
        if (ts.isLiteralTypeNode(arg)) useWhole(arg.literal);
      } else if (ts.isExportAssignment(node)) {
        mine.exported.set('default', lineOf(node));
      } else if (isExported(node) && !ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node)) {
        const name = isDefault(node) ? 'default' : ts.isVariableStatement(node) ? null : (node as ts.DeclarationStatement).name?.getText(source);
        if (name) mine.exported.set(name, lineOf(node));
        if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) mine.exported.set(d.name.text, lineOf(d));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const inChecked = (file: string) => checked.some((dir) => file === dir || file.startsWith(`${dir}/`));
  const dead: { file: string; name: string; line: number }[] = [];
  for (const [file, f] of facts) {
    if (!inChecked(file) || !f.imported || f.usedAsWhole) continue;
    for (const [name, line] of f.exported) if (!f.usedNames.has(name)) dead.push({ file, name, line });
  }
  return dead.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
