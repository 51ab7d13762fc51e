// The linter checks the boundaries of docs/architecture.md (decision 007 says why ESLint and which rules).
// `npm run lint`; `npm test` runs it before the tests and counts a failure like a failing test.
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint-boundaries/index.js';

// The demo town (apps/api/src/demo) sits above the modules and reaches them only through their index.ts, like
// any other caller. It is fixture data, though: it back-dates a year of history (members and their events,
// dues, activities and photos, duty shifts, disclosures, an inspection round) by inserting rows itself, so it
// may import db/schema.
const DEMO_TOWN = ['apps/api/src/demo/**'];

// A scope of paths [''] matches every organisation: the SQL scope filter (lib/access) decides visibility.
const NO_EVERY_PATH = {
  selector: "Property[key.name='paths'] > ArrayExpression > Literal[value='']",
  message: "paths: [''] bypasses the scope filter: load through lib/access (a scoped loader or the caller's scope).",
};

// Issue 13 point 4: every time the web shows is Beijing time, through apps/web/src/lib/format.ts. The browser's own
// zone reaches text through these calls; the date pickers (components/DateInput, MonthInput) format Dayjs calendar
// dates, which have no zone to get wrong, and are not caught by the dayjs(...).format selector.
const BROWSER_ZONE_MESSAGE = 'shows the browser\'s time zone: format instants with lib/format.ts (formatDateTime, formatDayOf, formatShortDateTime), Beijing time';
const NO_BROWSER_ZONE = [
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]", message: `toLocaleString ${BROWSER_ZONE_MESSAGE}` },
  { selector: "CallExpression[callee.property.name=/^get(Hours|Minutes|Seconds|Date|Day|Month|FullYear)$/]", message: `Local Date getters ${BROWSER_ZONE_MESSAGE}` },
  { selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']", message: `Intl.DateTimeFormat outside lib/format.ts ${BROWSER_ZONE_MESSAGE}` },
  { selector: "CallExpression[callee.property.name='format']:has(CallExpression[callee.name='dayjs'])", message: `dayjs(...).format ${BROWSER_ZONE_MESSAGE}` },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tmp/**', 'apps/api/src/db/migrations/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, boundaries },
    rules: {
      'boundaries/module-public-face': 'error',
      'boundaries/web-feature-isolation': 'error',
      'boundaries/schema-only-in-repositories': 'error',
      'boundaries/db-bottom-floor': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', NO_EVERY_PATH],
    },
  },
  // Tests and scripts (bench) exercise a module's insides and build their own data.
  {
    files: ['**/*.test.{ts,tsx}', 'apps/api/test/**', 'e2e/**', 'scripts/**'],
    rules: { 'boundaries/module-public-face': 'off', 'boundaries/schema-only-in-repositories': 'off' },
  },
  { files: DEMO_TOWN, rules: { 'boundaries/schema-only-in-repositories': 'off' } },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.{ts,tsx}', 'apps/web/src/lib/format.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_EVERY_PATH, ...NO_BROWSER_ZONE] },
  },
  // Issue 21 point 2: every icon comes from lib/icons, decorative unless given a Chinese name; @ant-design/icons itself
  // names each one in English. (The sign-in page, login.html, has no icons and no React.)
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/lib/icons.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: '@ant-design/icons', message: 'import icons from lib/icons: decorative by default, a Chinese aria-label when the icon means something alone.' }],
        patterns: [{ group: ['@ant-design/icons/*'], message: 'import icons from lib/icons (issue 21 point 2).' }],
      }],
    },
  },
);
