import { z } from 'zod';

/**
 * What every request accepts, whatever its schema says (issue 12 point 5). PostgreSQL's text cannot hold U+0000, so a
 * NUL byte that passed validation failed at the database as a 500; it is refused here as a 400 naming the field.
 * The API wraps every route's body, query and path schema in `refuseNulBytes` (app.ts), so a schema written tomorrow
 * gets it without knowing.
 */
export const NUL_BYTE_MESSAGE = '不能包含空字符(\\u0000),请删除后重试';

interface Node { value: unknown; key: string | number | undefined; parent: Node | undefined }

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The paths of every string (and object key) holding a NUL byte in a parsed request part. Walked with a stack and
 * parent links, not recursion: a 1 MB body of nested arrays must not overflow the stack or copy a path per level.
 */
export function nulBytePaths(input: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Node[] = [{ value: input, key: undefined, parent: undefined }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value } = node;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(pathOf(node));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, key: index, parent: node }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push([...pathOf(node), key]);
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return found;
}

/** `schema`, refusing first any NUL byte anywhere in the input, with the path of each one. */
export function refuseNulBytes<S extends z.ZodType>(schema: S) {
  return z.unknown().superRefine((value, ctx) => {
    for (const path of nulBytePaths(value)) ctx.addIssue({ code: 'custom', path, message: NUL_BYTE_MESSAGE });
  }).pipe(schema);
}
