// The auth module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from './routes.js';

export const authModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes, { prefix: '/api/auth' });
};

export { guardReveal, hashPassword, isSteppedUp, STEP_UP_EXPORT_MESSAGE, STEP_UP_REVEAL_MESSAGE, type RevealEntry } from './service.js';
// Lifting a user's sign-in locks (issue 12 point 8): user administration's route calls it after its permission check.
export { liftLoginLocks } from './service.js';
// User administration (issue 12 point 1): one-time passwords of accounts it makes or resets, and ending all of a user's sessions.
export { endAllSessions, newOneTimePassword, setOneTimePassword } from './service.js';
// The one password policy: user administration checks a password it sets (or generates a one-time one) here.
export { checkPassword, DEFAULT_PASSWORD_POLICY, generateOneTimePassword, passwordPolicyOf, passwordProblem } from './password-policy.js';
// A user's sessions: user administration lists and ends another user's with these after its own permission check.
export { endSessionOf, listSessionsOf } from './sessions-service.js';
// The second sign-in step (two-factor module): the hook login() asks, and the session it opens once the code is given.
export { elderModeOf, openSessionAfterSecondStep, passwordChangeOf, toMe, type HeldSignIn, type SecondStep } from './service.js';
// The session store the auth plugin reads on every request.
export { deleteSession, findSession, touchSession } from './repository.js';
