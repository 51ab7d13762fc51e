// Each boundary rule fails on the violation it exists for and accepts the allowed import next to it.
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import boundaries from './index.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester();
const api = (path: string) => `${process.cwd()}/apps/api/src/${path}`;
const rules = boundaries.rules;

tester.run('module-public-face', rules['module-public-face'], {
  valid: [
    { code: "import { settingValue } from '../settings/index.js';", filename: api('modules/members/service.ts') },
    { code: "import * as repo from './repository.js';", filename: api('modules/members/service.ts') },
    { code: "import { memberTasks } from '../modules/members/index.js';", filename: api('jobs/boss.ts') },
  ],
  invalid: [
    { code: "import { settingValue } from '../settings/service.js';", filename: api('modules/members/service.ts'), errors: [{ messageId: 'reachIn' }] },
    { code: "import * as repo from '../../modules/members/repository.js';", filename: api('plugins/x/auth.ts'), errors: [{ messageId: 'reachIn' }] },
    { code: "export { quorum } from '../activities/rules/quorum.js';", filename: api('modules/recruitment/index.ts'), errors: [{ messageId: 'reachIn' }] },
  ],
});

tester.run('web-feature-isolation', rules['web-feature-isolation'], {
  valid: [{ code: "import { DateInput } from '../../components/DateInput';", filename: `${process.cwd()}/apps/web/src/features/tasks/TasksPage.tsx` }],
  invalid: [{ code: "import { useMe } from '../auth/api';", filename: `${process.cwd()}/apps/web/src/features/tasks/TasksPage.tsx`, errors: [{ messageId: 'crossFeature' }] }],
});

tester.run('schema-only-in-repositories', rules['schema-only-in-repositories'], {
  valid: [
    { code: "import { members } from '../../db/schema/index.js';", filename: api('modules/members/repository.ts') },
    { code: "import { members } from '../../db/schema/index.js';", filename: api('modules/members/mobility-repository.ts') },
    { code: "import { members } from './schema/index.js';", filename: api('db/scope.ts') },
  ],
  invalid: [{ code: "import { members } from '../../db/schema/index.js';", filename: api('modules/members/service.ts'), errors: [{ messageId: 'schema' }] }],
});

tester.run('db-bottom-floor', rules['db-bottom-floor'], {
  valid: [{ code: "import { organizations } from './schema/index.js';", filename: api('db/scope.ts') }],
  invalid: [
    { code: "import { recordAudit } from '../plugins/audit.js';", filename: api('db/client.ts'), errors: [{ messageId: 'upward' }] },
    { code: "import { settingValue } from '../../modules/settings/index.js';", filename: api('db/schema/x.ts'), errors: [{ messageId: 'upward' }] },
  ],
});
