-- Issue 12 point 5: a session's CSRF token is derived from its cookie token (plugins/auth.ts csrfTokenOf), never stored.
-- Live sessions stay signed in; their pages fetch the derived token again from /api/auth/me.
ALTER TABLE "sessions" DROP COLUMN "csrf_token";
