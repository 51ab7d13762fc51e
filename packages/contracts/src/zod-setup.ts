import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';

// Default messages in Chinese for every schema, on the server and in the browser alike. In a browser, no generated
// code: the platform's Content-Security-Policy (script-src 'self') forbids eval, and zod's probe for it (new Function),
// made when the first object schema is built, is reported by the browser as a violation (Lighthouse best practices).
// The server keeps zod's faster compiled parsers. Imported first by index.ts, before any schema exists.
z.config({ ...zhCN(), jitless: 'document' in globalThis });
