import { z } from 'zod';
import { baseOf, fieldLabel } from './labels.js';

// What a form needs to know about one field of a request schema, read from the schema itself, so a form's
// requiredness, limits and messages are the contract's and are written once (the web's `rulesFor` turns this
// into antd rules). Messages name the field by its contract label, as the API's error messages do.

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** A request schema with fields: an object, or a refined or transformed one (`baseOf` finds the object). */
export type FieldsSchema = z.ZodType;
/** The field names of a request schema. */
export type FieldOf<S> = S extends z.ZodObject ? keyof S['shape'] & string
  : S extends z.ZodPipe<infer In> ? FieldOf<In> : string;

export interface FormField {
  /** The contract's label, or the key where the contract has none. */
  label: string;
  /** The request must carry a value: not optional, nullable or defaulted. */
  required: boolean;
  /** Chosen (enum, boolean, list, an id, a date) rather than typed: its empty message says 请选择. */
  picked: boolean;
  /** A text field: blank text counts as empty. */
  text: boolean;
  /** A list (multiple choice, rows): an empty list counts as empty. */
  list: boolean;
  /** The longest text the contract accepts, for the input's maxLength. */
  maxLength: number | undefined;
  /** The smallest and largest number the contract accepts (an amount in 分, a count), for number inputs. */
  min: number | undefined;
  max: number | undefined;
  /** A whole number: the input takes no decimals. */
  integer: boolean;
  /** The contract's verdict on a value: undefined when accepted, else the Chinese message naming the field. */
  check: (value: unknown) => string | undefined;
  /** The same, for the field's own checks only (a list's length, not its rows, which have inputs of their own). */
  checkOwn: (value: unknown) => string | undefined;
}

/** The schema of one field of a request schema; throws on a name the contract does not have (a typo). */
function fieldSchema(schema: FieldsSchema, field: string): Schema {
  const base = baseOf(schema);
  const child = base instanceof z.ZodObject ? (base.shape as Record<string, Schema>)[field] : undefined;
  if (!child) throw new Error(`the contract has no field "${field}"`);
  return child;
}

/** A date or month typed as text (`DateSchema`, `MonthSchema`): the form picks it from a calendar. */
function isCalendarText(base: Schema): boolean {
  return (base._zod.def.checks ?? []).some((check) => {
    const pattern: unknown = (check._zod.def as { pattern?: unknown }).pattern;
    return pattern instanceof RegExp && pattern.source.startsWith('^\\d{4}-');
  });
}

function isPicked(base: Schema, field: string): boolean {
  if (isCalendarText(base)) return true;
  if (base instanceof z.ZodEnum || base instanceof z.ZodBoolean || base instanceof z.ZodArray || base instanceof z.ZodLiteral) return true;
  return base instanceof z.ZodNumber && /Ids?$/.test(field);
}

const LENGTH_UNIT: Record<string, string> = { string: '个字', array: '项' };

/** Chinese wording, naming the field, of an issue the contract left to zod's generic default message. */
function defaultWording(issue: Issue, label: string): string | undefined {
  const unit = 'origin' in issue ? LENGTH_UNIT[String(issue.origin)] : undefined;
  switch (issue.code) {
    case 'too_small':
      if (unit) return Number(issue.minimum) <= 1 ? `请填写${label}` : `${label}至少${issue.minimum}${unit}`;
      return `${label}${issue.inclusive ? '不能小于' : '应大于'}${issue.minimum}`;
    case 'too_big':
      if (unit) return `${label}不能超过${issue.maximum}${unit}`;
      return `${label}${issue.inclusive ? '不能大于' : '应小于'}${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${label}应为整数` : `${label}格式不正确`;
    case 'not_multiple_of':
      return `${label}应为${issue.divisor}的倍数`;
    case 'invalid_format':
    case 'invalid_value':
      return `${label}格式不正确`;
    default:
      return undefined;
  }
}

/**
 * The message for a failed check: the contract's own message where it wrote one (with the label in front
 * unless it names the field itself, like the API's `标签:消息`), else zod's default reworded with the label.
 */
export function issueMessage(issue: Issue, label: string): string {
  const zodDefault = z.config().localeError?.(issue as never);
  const defaultText = typeof zodDefault === 'string' ? zodDefault : zodDefault?.message;
  if (issue.message !== defaultText) return issue.message.includes(label) ? issue.message : `${label}:${issue.message}`;
  return defaultWording(issue, label) ?? `${label}:${issue.message}`;
}

/** reportInput: the issues keep the value, so zod's default message can be rebuilt and told from the contract's. */
function issuesOf(schema: Schema, value: unknown): Issue[] {
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? [] : result.error.issues;
}

/** `field` of the request schema `schema`, as a form sees it. */
export function formField<S extends FieldsSchema>(schema: S, field: FieldOf<S>): FormField {
  return describe(fieldSchema(schema, field), field);
}

/** One row of the list `field` (a Form.List of plain values, such as a procedure's steps), as a form sees it. */
export function formElement<S extends FieldsSchema>(schema: S, field: FieldOf<S>): FormField {
  const list = baseOf(fieldSchema(schema, field));
  if (!(list instanceof z.ZodArray)) throw new Error(`the contract's field "${field}" is not a list`);
  return describe(list.element, field);
}

/** A bound the contract set: not ±Infinity, nor the safe-integer range `.int()` implies. */
const bound = (value: number | null): number | undefined =>
  value !== null && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;

function describe(child: Schema, key: string): FormField {
  const label = fieldLabel(child, []) ?? key;
  const base = baseOf(child);
  return {
    label,
    required: !z.safeParse(child, undefined).success && !z.safeParse(child, null).success,
    picked: isPicked(base, key),
    text: base instanceof z.ZodString,
    list: base instanceof z.ZodArray,
    maxLength: base instanceof z.ZodString ? (base.maxLength ?? undefined) : undefined,
    min: base instanceof z.ZodNumber ? bound(base.minValue) : undefined,
    max: base instanceof z.ZodNumber ? bound(base.maxValue) : undefined,
    integer: base instanceof z.ZodNumber && base.isInt,
    check: (value) => {
      const issue = issuesOf(child, value)[0];
      return issue && issueMessage(issue, label);
    },
    checkOwn: (value) => {
      const issue = issuesOf(child, value).find((candidate) => candidate.path.length === 0);
      return issue && issueMessage(issue, label);
    },
  };
}
