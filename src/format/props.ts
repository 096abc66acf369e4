// props.ts — validates a component's props with Zod at build time (as Starlight does), so that
// `<Eq id={3} />` or `<NumberControl min="0" />` fails the build with a message naming the component
// and the prop, instead of rendering something wrong.
import type { z } from 'astro/zod';

export function parseProps<T extends z.ZodType>(component: string, schema: T, props: unknown): z.infer<T> {
  // Astro adds data-astro-cid-* to components used inside scoped styles: not a prop of ours.
  const own = Object.fromEntries(Object.entries(props as object).filter(([key]) => !key.startsWith('data-astro-')));
  const result = schema.safeParse(own);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(props)'}: ${i.message}`).join('; ');
  throw new Error(`<${component}> got invalid props: ${problems}`);
}
