import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

export interface FieldError {
  name: string;
  errors: string[];
}

/** Server paths may be "name", "body.name" or "/name": the form only knows the last segment. */
function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

/** The server's field errors that belong to fields of the open form, grouped per field. */
export function fieldErrorsFor(error: unknown, knownFields: readonly string[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const grouped = new Map<string, string[]>();
  for (const field of error.fields) {
    const name = fieldName(field.path);
    if (!knownFields.includes(name)) continue;
    grouped.set(name, [...(grouped.get(name) ?? []), field.message]);
  }
  return [...grouped].map(([name, errors]) => ({ name, errors }));
}

/** Puts server field errors under the matching inputs; returns true when at least one was placed. */
export function applyFieldErrors(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  const fieldErrors = fieldErrorsFor(error, knownFields);
  if (fieldErrors.length > 0) form.setFields(fieldErrors);
  return fieldErrors.length > 0;
}

/**
 * Server field errors for a form whose inputs are named differently from the API fields (an amount typed in 元
 * for `baseFen`, a flow's start date for the event's `occurredOn`). `names` maps server field → form field.
 */
export function mappedFieldErrorsFor(error: unknown, names: Readonly<Record<string, string>>): FieldError[] {
  const grouped = new Map<string, string[]>();
  for (const { name, errors } of fieldErrorsFor(error, Object.keys(names))) {
    const target = names[name];
    grouped.set(target, [...(grouped.get(target) ?? []), ...errors]);
  }
  return [...grouped].map(([name, errors]) => ({ name, errors }));
}

/** applyFieldErrors with renamed fields; returns true when at least one error was placed. */
export function applyMappedFieldErrors(form: FormInstance, error: unknown, names: Readonly<Record<string, string>>): boolean {
  const fieldErrors = mappedFieldErrorsFor(error, names);
  if (fieldErrors.length > 0) form.setFields(fieldErrors);
  return fieldErrors.length > 0;
}
