import { configure } from '@testing-library/react';

// One limit for every findBy and waitFor instead of a raised one per call. Measured with the api project running beside
// the web tests on this 2-core machine (every wait timed through Testing Library's asyncWrapper): waits on a rendered
// page stay under 0.4 s, but a click that navigates to a page not yet loaded waits for that page's module to be
// transformed and imported on the way (test/render.tsx loads only the first address's pages): such a wait passed 1 s
// in one run and 3 s in another, cold. 10 s covers that; preloading the pages a test navigates to would allow the default.
configure({ asyncUtilTimeout: 10_000 });
