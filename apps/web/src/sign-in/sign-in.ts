import { formField, LoginBodySchema, MeSchema, safeSignInNext, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type LoginBody, type Me } from '@dj/contracts';
import { noteSignedIn } from '../lib/idle-session';
import { homePath } from '../lib/roles';
import { PENDING_SECOND_STEP_KEY } from '../lib/sign-in-target';

/**
 * The plain sign-in page (login.html, issue 21 point 4): the form is HTML the first paint already shows; this script
 * checks it with the contract's own rules, posts it, and hands over to the app by a full page load: to the page the
 * user came for (?next=), to their role's own page (lib/roles homePath: straight there, so the app loads its frame and
 * that page's chunks side by side instead of one after the other through '/'), or to the second step where a second
 * factor is owed.
 */
const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface ErrorBody { code?: string; message?: string; fields?: { field: string; message: string }[] }
interface Pending { secondFactor: { step: string; expiresAt: string; csrfToken: string } }

const NETWORK_ERROR = '无法连接服务器,请检查网络后重试';

export interface SignInDeps {
  fetch: typeof fetch;
  go: (address: string) => void;
  storage: Pick<Storage, 'setItem'>;
  search: string;
}

export function startSignIn(doc: Document, deps: SignInDeps): void {
  const form = doc.getElementById('sign-in') as HTMLFormElement;
  const alert = doc.getElementById('sign-in-error') as HTMLElement;
  const button = form.querySelector('button') as HTMLButtonElement;
  const input = (field: Field) => form.elements.namedItem(field) as HTMLInputElement;
  for (const field of FIELDS) {
    const max = formField(LoginBodySchema, field).maxLength;
    if (max !== undefined) input(field).maxLength = max;
    // An error is cleared as soon as the field is changed, so what is on screen is about what is typed now.
    input(field).addEventListener('input', () => showFieldError(doc, input(field), ''));
  }
  const params = new URLSearchParams(deps.search);
  const next = safeSignInNext(params.get('next'));
  showEndedNotice(doc, params.get('ended'));
  button.disabled = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.textContent = '';
    const values = { username: input('username').value, password: input('password').value };
    const checked = LoginBodySchema.safeParse(values);
    if (!checked.success) {
      showFieldErrors(doc, form, checked.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })));
      return;
    }
    setBusy(button, true);
    void submit(checked.data, deps).then((outcome) => {
      if (outcome.kind === 'signed-in') {
        // For the warning before the session's 12-hour end (features/auth/IdleWarning).
        noteSignedIn();
        return deps.go(next ?? (outcome.me ? homePath(outcome.me) : '/'));
      }
      if (outcome.kind === 'second-step') {
        deps.storage.setItem(PENDING_SECOND_STEP_KEY, JSON.stringify(outcome.pending.secondFactor));
        return deps.go(`/login/second-step${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      }
      setBusy(button, false);
      alert.textContent = outcome.error.message ?? NETWORK_ERROR;
      showFieldErrors(doc, form, outcome.error.fields ?? []);
    });
  });
}

const ENDED_NOTICES: Record<string, string> = {
  idle: `${Math.round(SESSION_IDLE_MS / 60_000)}分钟内没有操作,为保护账号安全已自动退出。`,
  absolute: `本次登录已满${Math.round(SESSION_ABSOLUTE_MS / 3600_000)}小时,为保护账号安全已自动退出。`,
};

/** Why the app sent the user here (lib/sign-in-target signInAddress, contracts SIGN_IN_ENDED_REASONS), said once the page is up. */
function showEndedNotice(doc: Document, ended: string | null): void {
  if (!ended || !Object.hasOwn(ENDED_NOTICES, ended)) return;
  (doc.getElementById('sign-in-notice') as HTMLElement).textContent = `${ENDED_NOTICES[ended]}请重新登录,登录后回到原来的页面。`;
}

type Outcome = { kind: 'signed-in'; me: Me | null } | { kind: 'second-step'; pending: Pending } | { kind: 'failed'; error: ErrorBody };

async function submit(body: LoginBody, deps: SignInDeps): Promise<Outcome> {
  let response: Response;
  try {
    response = await deps.fetch('/api/auth/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed', error: { message: NETWORK_ERROR } };
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload ?? {}) as ErrorBody;
    return { kind: 'failed', error: { ...error, message: error.message ?? (response.status >= 500 ? '服务器出错了,请稍后重试' : `登录失败(${response.status})`) } };
  }
  if (payload && typeof payload === 'object' && 'secondFactor' in payload) return { kind: 'second-step', pending: payload as Pending };
  // An answer outside the contract still signed the user in: '/' then finds their page.
  const me = MeSchema.safeParse(payload);
  return { kind: 'signed-in', me: me.success ? me.data : null };
}

function setBusy(button: HTMLButtonElement, busy: boolean): void {
  button.disabled = busy;
  button.textContent = busy ? '正在登录…' : '登 录';
}

/** Each field's message under it (named by aria-describedby), and the first field in error gets the focus. */
function showFieldErrors(doc: Document, form: HTMLFormElement, errors: { field: string; message: string }[]): void {
  let first: HTMLInputElement | null = null;
  for (const field of FIELDS) {
    const message = errors.find((e) => e.field === field)?.message ?? '';
    const element = form.elements.namedItem(field) as HTMLInputElement;
    showFieldError(doc, element, message);
    if (message && !first) first = element;
  }
  first?.focus();
}

function showFieldError(doc: Document, element: HTMLInputElement, message: string): void {
  (doc.getElementById(`${element.id}-error`) as HTMLElement).textContent = message;
  if (message) element.setAttribute('aria-invalid', 'true');
  else element.removeAttribute('aria-invalid');
}
