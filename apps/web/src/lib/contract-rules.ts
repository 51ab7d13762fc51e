import type { FormRule } from 'antd';
import { formField, type FieldOf, type FieldsSchema } from '@dj/contracts';

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
 * antd rules for `field` of the request schema `schema` (`rules={rulesFor(CreateMemberSchema, 'name')}`):
 * required unless the contract lets it be left out, then the contract's own check, so the form accepts what
 * the API accepts; every message names the field by its contract label. Limits are written once, there.
 */
export function rulesFor<S extends FieldsSchema>(schema: S, field: FieldOf<S>, options: ContractRuleOptions = {}): FormRule[] {
  const spec = formField(schema, field);
  const rules: FormRule[] = [];
  if (options.required || spec.required) {
    const message = options.requiredMessage ?? `请${spec.picked ? '选择' : '填写'}${spec.label}`;
    rules.push({ required: true, whitespace: spec.text, message });
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

/** The contract's longest text for `field`, for the input's `maxLength`. */
export function maxLengthOf<S extends FieldsSchema>(schema: S, field: FieldOf<S>): number | undefined {
  return formField(schema, field).maxLength;
}
