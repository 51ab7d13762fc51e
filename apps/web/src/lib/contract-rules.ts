import type { FormRule } from 'antd';
import { formElement, formField, type FieldOf, type FieldsSchema, type FormField } from '@dj/contracts';

export interface ContractRuleOptions {
  /** Require the field although the contract lets it be left out (a default the form shows and keeps). */
  required?: boolean;
  /** The empty message, where the form asks in its own words ("请填写转往的党组织(介绍信去向)"). */
  requiredMessage?: string;
  /** The form's value → the value the request carries (an amount typed in 元 for a field in 分). */
  toContract?: (value: never) => unknown;
}

/** The form's empty value: antd leaves cleared inputs as undefined, null or ''; the request leaves them out. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * antd rules for `field` of the request schema `schema` (`rulesFor(CreateMemberSchema, 'name')` on a Form.Item):
 * required unless the contract lets it be left out, then the contract's own check, so the form accepts what
 * the API accepts; every message names the field by its contract label. Limits are written once, there.
 */
export function rulesFor<S extends FieldsSchema>(schema: S, field: FieldOf<S>, options: ContractRuleOptions = {}): FormRule[] {
  return rulesOf(formField(schema, field), options);
}

/** The same for one row of the list `field` whose rows are plain values (`<Form.Item name={field.name}>` in a Form.List). */
export function elementRulesFor<S extends FieldsSchema>(schema: S, field: FieldOf<S>, options: ContractRuleOptions = {}): FormRule[] {
  return rulesOf(formElement(schema, field), options);
}

function rulesOf(spec: FormField, options: ContractRuleOptions): FormRule[] {
  const rules: FormRule[] = [];
  if (options.required || spec.required) {
    // An empty list is told with the contract's own words when it has them ("至少选择一种组织生活类型").
    const message = options.requiredMessage ?? (spec.list ? spec.checkOwn([]) : undefined) ?? `请${spec.picked ? '选择' : '填写'}${spec.label}`;
    // type 'array': antd's required rule sees an empty list as filled unless it knows the value is a list
    // `whitespace` only where the contract refuses blank text (it trims): antd then treats the value as a string, so
    // on a chosen number it would fail, and on a password (not trimmed) it would refuse what the API accepts.
    const blankRefused = spec.text && spec.check(' ') !== undefined;
    rules.push(spec.list ? { required: true, type: 'array', message } : { required: true, ...(blankRefused && { whitespace: true }), message });
  }
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return; // emptiness is the required rule's business, and an empty input is left out
      const message = spec.check(options.toContract ? options.toContract(value as never) : value);
      if (message) throw new Error(message);
    },
  });
  return rules;
}

/**
 * The rule of a Form.List (which takes validators only) for the list `field`: the contract's checks of the list
 * itself, such as its least and most rows; each row's inputs carry their own `rulesFor`.
 */
export function listRulesFor<S extends FieldsSchema>(schema: S, field: FieldOf<S>): { validator: (rule: unknown, value: unknown) => Promise<void> }[] {
  const spec = formField(schema, field);
  return [{
    validator: async (_rule, value) => {
      const message = spec.checkOwn(value ?? []);
      if (message) throw new Error(message);
    },
  }];
}

/** A number input's bounds and precision from the contract (`<InputNumber {...numberPropsOf(Schema, 'field')} />`). */
export function numberPropsOf<S extends FieldsSchema>(schema: S, field: FieldOf<S>): { min?: number; max?: number; precision?: number } {
  const spec = formField(schema, field);
  return { min: spec.min, max: spec.max, ...(spec.integer && { precision: 0 }) };
}

/** The contract's longest text for `field`, for the input's `maxLength`. */
export function maxLengthOf<S extends FieldsSchema>(schema: S, field: FieldOf<S>): number | undefined {
  return formField(schema, field).maxLength;
}

/** A text input's counter: `count` for antd's Input and TextArea, or nothing where the contract sets no limit. */
export interface TextProps { count?: { show: true; max: number } }

function textProps(spec: FormField): TextProps {
  return spec.maxLength === undefined ? {} : { count: { show: true, max: spec.maxLength } };
}

/**
 * A text input's counter from the contract's longest text (`<Input {...textPropsOf(Schema, 'field')} />`): it shows
 * "12 / 20" as one types and turns red past the limit, and the field's `rulesFor` refuses the text with the limit
 * named ("姓名不能超过20个字"). Not `maxLength`: that stops typing at the limit and cuts pasted text silently
 * (issue 13 point 9), so a name longer than the limit would be saved cut short without a word.
 */
export function textPropsOf<S extends FieldsSchema>(schema: S, field: FieldOf<S>): TextProps {
  return textProps(formField(schema, field));
}

/** The same for one row of the list `field` whose rows are plain text (`elementRulesFor`'s input). */
export function elementTextPropsOf<S extends FieldsSchema>(schema: S, field: FieldOf<S>): TextProps {
  return textProps(formElement(schema, field));
}
