import { z } from 'zod';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /** The Chinese name of a request field, as the form shows it: `z.string().meta({ label: '姓名' })`. */
    label?: string;
  }
}

type Schema = z.core.$ZodType;

/** The schema a wrapper holds (`.optional()`, `.default()`, a transform's input), or undefined for a base schema. */
function innerOf(schema: Schema): Schema | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault
    || schema instanceof z.ZodPrefault || schema instanceof z.ZodReadonly || schema instanceof z.ZodCatch
    || schema instanceof z.ZodNonOptional) return schema._zod.def.innerType;
  if (schema instanceof z.ZodPipe) return schema._zod.def.in;
  return undefined;
}

/** A field's schema layer by layer, outermost first, down to the string, number, enum, object or array it is. */
export function layersOf(schema: Schema): Schema[] {
  const layers = [schema];
  for (let inner = innerOf(schema); inner; inner = innerOf(inner)) layers.push(inner);
  return layers;
}

/** The innermost layer: the string, number, enum, object or array the field really is. */
export const baseOf = (schema: Schema): Schema => layersOf(schema).at(-1) ?? schema;

const labelOf = (schema: Schema): string | undefined =>
  layersOf(schema).map((layer) => z.globalRegistry.get(layer)?.label).find((label) => label !== undefined);

/** The schema one step down a request path: an object's key, an array's element, a union member's key. */
function childOf(schema: Schema, segment: string): Schema | undefined {
  const base = baseOf(schema);
  if (base instanceof z.ZodObject) return base.shape[segment];
  if (base instanceof z.ZodArray) return /^\d+$/.test(segment) ? base.element : undefined;
  if (base instanceof z.ZodUnion) return base.options.map((option: Schema) => childOf(option, segment)).find(Boolean);
  return undefined;
}

/**
 * The label of the field at `path` in a request schema: the deepest labelled schema along the path, so an
 * error in `records/3/makeupOn` is named by makeupOn's label and one about the whole list by the list's.
 */
export function fieldLabel(schema: Schema, path: readonly (string | number)[]): string | undefined {
  let label = labelOf(schema);
  let current: Schema | undefined = schema;
  for (const segment of path) {
    current = current && childOf(current, String(segment));
    if (!current) break;
    label = labelOf(current) ?? label;
  }
  return label;
}

/** Every labelled top-level field of an object schema, key → label (for change logs that name fields). */
export function fieldLabels(schema: Schema): Record<string, string> {
  const base = baseOf(schema);
  if (!(base instanceof z.ZodObject)) return {};
  return Object.fromEntries(Object.entries(base.shape).flatMap(([key, field]) => {
    const label = labelOf(field);
    return label === undefined ? [] : [[key, label]];
  }));
}
