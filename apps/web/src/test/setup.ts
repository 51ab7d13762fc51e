import { configure } from '@testing-library/react';

// One limit for every findBy and waitFor instead of a raised one per call. `npm test` runs the api, web and e2e
// projects at once on a 2-core machine, so a render that takes 0.3 s alone can take seconds there; the limit is
// for that contention, not for slow code (a slow path is fixed where it is: test/render.tsx, test/dom.ts).
configure({ asyncUtilTimeout: 15_000 });
