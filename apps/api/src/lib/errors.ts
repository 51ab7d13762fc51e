import type { ErrorBody } from '@dj/contracts';

export type ErrorCode =
  | 'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'CSRF'
  /** Signed in, allowed, but the session must re-enter its password first (安全测试清单第26项: full numbers). */
  | 'STEP_UP_REQUIRED'
  /** Signed in with a one-time or expired password: only the password change, sign-out and "who am I" answer (issue 12). */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** An upload of a kind its route does not take (lib/uploads: the one upload policy). */
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, CSRF: 403, FORBIDDEN: 403, STEP_UP_REQUIRED: 403, PASSWORD_CHANGE_REQUIRED: 403, NOT_FOUND: 404, CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, RATE_LIMITED: 429, UNAVAILABLE: 503, INTERNAL: 500,
};

/** The one error type services throw; plugins/errors.ts turns it into `{code, message, fields?}`. */
export class AppError extends Error {
  /** The service wrote this refusal's audit line itself, so the denied-access hook (plugins/denied-audit.ts) writes none. */
  audited = false;
  constructor(public readonly code: ErrorCode, message: string, public readonly fields?: ErrorBody['fields']) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Out of scope and nonexistent look the same: 404, so ids of other villages reveal nothing. */
export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权进行此操作') => new AppError('FORBIDDEN', message);
/** Marks a refusal whose 'denied' audit line the service has already written (one line per refusal). */
export const alreadyAudited = <E extends AppError>(error: E): E => Object.assign(error, { audited: true });
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
