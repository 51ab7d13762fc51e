// The project's boundary rules (docs/architecture.md, "Boundaries"). Each rule resolves an import's relative
// specifier against the importing file and judges the two paths, so no resolver plugin is needed.
import { dirname, relative, resolve, sep } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const API = 'apps/api/src/';
const WEB_FEATURES = 'apps/web/src/features/';

/** Repository-relative, '/'-separated path of the file an import names, or undefined for a package import. */
export function importTarget(importer, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  return relative(repoRoot, resolve(dirname(importer), specifier)).split(sep).join('/');
}
const fromRoot = (file) => relative(repoRoot, file).split(sep).join('/');
const moduleOf = (path) => (path.startsWith(`${API}modules/`) ? path.slice(API.length + 8).split('/')[0] : undefined);
const featureOf = (path) => (path.startsWith(WEB_FEATURES) ? path.slice(WEB_FEATURES.length).split('/')[0] : undefined);

/** Calls check(node, importerPath, targetPath) for every relative import, re-export and dynamic import. */
function onImports(context, check) {
  const importer = fromRoot(context.filename);
  const visit = (node) => {
    if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return;
    const target = importTarget(context.filename, node.source.value);
    if (target) check(node, importer, target);
  };
  return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
}

const modulePublicFace = {
  meta: {
    type: 'problem',
    docs: { description: 'An API module is reached from outside only through its index.ts' },
    messages: { reachIn: "'{{target}}' is inside the {{module}} module: import it from modules/{{module}}/index.ts, its public face (export it there if others need it)." },
    schema: [],
  },
  create: (context) => onImports(context, (node, importer, target) => {
    const module = moduleOf(target);
    if (!module || module === moduleOf(importer)) return;
    if (/^index\.(js|ts)$/.test(target.slice(`${API}modules/${module}/`.length))) return;
    context.report({ node: node.source, messageId: 'reachIn', data: { target, module } });
  }),
};

const webFeatureIsolation = {
  meta: {
    type: 'problem',
    docs: { description: 'A web feature does not import another feature' },
    messages: { crossFeature: "features/{{from}} imports features/{{to}} ('{{target}}'): move what both need to components/ or lib/." },
    schema: [],
  },
  create: (context) => onImports(context, (node, importer, target) => {
    const from = featureOf(importer);
    const to = featureOf(target);
    if (from && to && from !== to) context.report({ node: node.source, messageId: 'crossFeature', data: { from, to, target } });
  }),
};

const schemaOnlyInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'db/schema is imported only by repositories (and db/ itself)' },
    messages: { schema: "Only repositories (*repository*.ts) query tables: move this query into the module's repository and call it from here." },
    schema: [],
  },
  create: (context) => onImports(context, (node, importer, target) => {
    if (!target.startsWith(`${API}db/schema`)) return;
    if (importer.startsWith(`${API}db/`) || /repository[^/]*\.ts$/.test(importer)) return;
    context.report({ node: node.source, messageId: 'schema' });
  }),
};

const dbBottomFloor = {
  meta: {
    type: 'problem',
    docs: { description: 'db/ (schema, migrations, client, scope) imports nothing above it' },
    messages: { upward: "db/ is the bottom floor: it may not import '{{target}}' (modules, plugins, demo, lib build on db, not the reverse)." },
    schema: [],
  },
  create: (context) => onImports(context, (node, importer, target) => {
    if (!importer.startsWith(`${API}db/`)) return;
    if (/^apps\/api\/src\/(modules|plugins|demo|jobs|cli)\//.test(target)) context.report({ node: node.source, messageId: 'upward', data: { target } });
  }),
};

export default {
  meta: { name: 'dj-boundaries' },
  rules: {
    'module-public-face': modulePublicFace,
    'web-feature-isolation': webFeatureIsolation,
    'schema-only-in-repositories': schemaOnlyInRepositories,
    'db-bottom-floor': dbBottomFloor,
  },
};
