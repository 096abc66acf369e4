// equation-numbers.ts — a remark plugin that numbers a chapter's display equations at build time.
// In MDX, `<Eq id="output-delta" tex="…" />` is a numbered equation and `<EqRef id="output-delta" />`
// refers to it. This plugin walks the chapter in reading order, gives each <Eq> the next number and
// writes that number into every <EqRef> to it, so prose can say "by (3)" and stay right when
// equations are added or moved. Unknown or duplicate ids fail the build, naming the file.
// The numbers are also handed to the page as `remarkPluginFrontmatter.equations` ({ id: number }),
// so another page can cite a chapter's equation by its number (the recap, src/pages/recap.astro).

interface Attribute { type: string; name?: string; value?: unknown }
interface Node { type: string; name?: string | null; attributes?: Attribute[]; children?: Node[] }
interface File { path?: string; history?: string[]; data?: { astro?: { frontmatter?: Record<string, unknown> } } }

function isJsx(node: Node, name: string): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name;
}

function idOf(node: Node, where: string): string {
  const id = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
  if (typeof id !== 'string' || id === '') {
    throw new Error(`${where}: <${node.name}> needs a literal id="…" attribute (a string, not an expression)`);
  }
  return id;
}

function setNumber(node: Node, n: number): void {
  node.attributes = (node.attributes ?? []).filter((a) => a.name !== 'number');
  node.attributes.push({ type: 'mdxJsxAttribute', name: 'number', value: String(n) });
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

export function remarkEquationNumbers() {
  return (tree: Node, file: File) => {
    const where = file.path ?? file.history?.[0] ?? 'a chapter';
    const numbers = new Map<string, number>();
    walk(tree, (node) => {
      if (!isJsx(node, 'Eq')) return;
      const id = idOf(node, where);
      if (numbers.has(id)) throw new Error(`${where}: two equations have id="${id}"`);
      numbers.set(id, numbers.size + 1);
      setNumber(node, numbers.size);
    });
    walk(tree, (node) => {
      if (!isJsx(node, 'EqRef')) return;
      const id = idOf(node, where);
      const n = numbers.get(id);
      if (n === undefined) throw new Error(`${where}: <EqRef id="${id}"> refers to no <Eq id="${id}"> in this chapter`);
      setNumber(node, n);
    });
    const astro = file.data?.astro;
    if (astro) astro.frontmatter = { ...astro.frontmatter, equations: Object.fromEntries(numbers) };
  };
}
