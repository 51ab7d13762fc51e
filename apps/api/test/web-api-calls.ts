/**
 * Every API path the web names, read from its source (the syntax tree, not a regular expression over text): string
 * and template literals starting with /api/, with the method when the literal is the path argument of the web's one
 * fetch client (apps/web/src/lib/api-client.ts, lib/download.ts). A `${…}` part becomes `{}`, a query is cut off.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface WebCall {
  /** The path with `{}` for each interpolated part: `/api/members/{}/dues`. */
  shape: string;
  /** Known when the literal is a client call's path argument. */
  method: HttpMethod | null;
  where: string;
}

/** The client's functions by the method they send (apiSend and apiRequest name theirs in an argument). */
const FIXED: Record<string, HttpMethod> = {
  apiGet: 'get', apiDownload: 'get', downloadFile: 'get', apiUpload: 'post', apiPostDownload: 'post', downloadPostedFile: 'post',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/test-fixtures|fixtures\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `const SIGN_IN = '/api/two-factor/sign-in'`: a file's path prefixes, which its templates continue (`${SIGN_IN}/verify`). */
function prefixesOf(source: ts.SourceFile): Map<string, ts.StringLiteral> {
  const prefixes = new Map<string, ts.StringLiteral>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isStringLiteral(d.initializer) && d.initializer.text.startsWith('/api/')) {
        prefixes.set(d.name.text, d.initializer);
      }
    }
  }
  return prefixes;
}

function shapeOf(node: ts.Node, prefixes: Map<string, ts.StringLiteral>): string | null {
  let text: string;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) {
    const [first, ...rest] = node.templateSpans;
    const prefix = node.head.text === '' && ts.isIdentifier(first.expression) ? prefixes.get(first.expression.text)?.text : undefined;
    const spans = prefix ? [first.literal.text, ...rest.map((s) => `{}${s.literal.text}`)] : node.templateSpans.map((s) => `{}${s.literal.text}`);
    text = (prefix ?? node.head.text) + spans.join('');
  } else return null;
  if (!text.startsWith('/api/')) return null;
  const path = text.split('?')[0];
  // A literal ending in '.' or '/' is a prefix its caller completes (`/api/education/ledger.` + format).
  return /[./]$/.test(path) ? `${path}{}` : path;
}

const methodLiteral = (node: ts.Expression | undefined): HttpMethod | null =>
  node && ts.isStringLiteral(node) ? (node.text.toLowerCase() as HttpMethod) : null;

/** The method a literal is sent with, when it is the path argument of a client call. */
function methodOf(node: ts.Node): HttpMethod | null {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return null;
  const name = call.expression.text;
  const index = call.arguments.indexOf(node as ts.Expression);
  if (FIXED[name] && index === 0) return FIXED[name];
  if (name === 'apiSend' && index === 1) return methodLiteral(call.arguments[0]);
  if (name === 'apiRequest' && index === 0) {
    const options = call.arguments[2];
    if (!options) return 'get';
    if (!ts.isObjectLiteralExpression(options)) return null;
    const method = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'method');
    return method ? methodLiteral(method.initializer) : 'get';
  }
  return null;
}

export function webApiCalls(webSrc: string): WebCall[] {
  const calls: WebCall[] = [];
  for (const file of sourceFiles(webSrc)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const prefixes = prefixesOf(source);
    const declared = new Set<ts.Node>(prefixes.values());
    const visit = (node: ts.Node): void => {
      if (declared.has(node)) return;
      const shape = shapeOf(node, prefixes);
      if (shape) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        calls.push({ shape, method: methodOf(node), where: `${relative(webSrc, file)}:${line + 1}` });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern whose `{…}` parts match any text within a segment (the web's may be empty). */
const patternOf = (path: string, part: RegExp, wildcard: string) => new RegExp(`^${path.split(part).map(escape).join(wildcard)}$`);

/**
 * The document's paths a web path can reach. The document's parameters match the web's literal text
 * (`table.xlsx` reaches `table.{format}`), and the web's interpolations match the document's literal text
 * (`${id}/${action}` reaches `{id}/submit` and `{id}/approve`): every path either reading allows.
 */
export function documentPathsOf(shape: string, documentPaths: readonly string[]): string[] {
  // A last interpolation glued to a word is a suffix the caller appends: a query, or a sub-path (`${SIGN_IN}${path}`).
  const suffix = /[^/.]\{\}$/.test(shape);
  const web = patternOf(suffix ? shape.slice(0, -2) : shape, /\{\}/, '[^/]*');
  if (suffix) return documentPaths.filter((path) => new RegExp(`${web.source.slice(0, -1)}.*$`).test(path));
  return documentPaths.filter((path) => patternOf(path, /\{[^}]+\}/, '[^/]+').test(shape) || web.test(path));
}
