import { cloneElement, isValidElement, type ReactNode } from "react";
import { Markdown } from "@/components/markdown/markdown";

/**
 * Event bodies rendered once per version (`id@updatedAt`) and kept, instead of parsing the same
 * Markdown for every viewer of a busy incident (it was most of the page's server time). The cached
 * value is the <Markdown> component's output evaluated down to plain elements, which React can
 * serialise again and again. Bounded: the least recently used versions go first.
 */
const MAX_BODIES = 5_000;
const bodies = new Map<string, ReactNode>();

const CLIENT_REFERENCE = Symbol.for("react.client.reference");

/** Calls the (synchronous, server-side) function components in a tree, leaving host elements. */
function evaluate(node: ReactNode): ReactNode {
  if (Array.isArray(node)) return node.map(evaluate);
  if (!isValidElement<{ children?: ReactNode }>(node)) return node;
  const type = node.type as unknown;
  if (typeof type === "function" && (type as { $$typeof?: symbol }).$$typeof !== CLIENT_REFERENCE) {
    const output = evaluate((type as (props: unknown) => ReactNode)(node.props));
    // The component's key (its place in a list) carries over to what it rendered.
    return node.key !== null && isValidElement(output) && output.key === null ? cloneElement(output, { key: node.key }) : output;
  }
  if (node.props.children === undefined) return node;
  return cloneElement(node, { children: evaluate(node.props.children) });
}

export function renderedBody(key: string, body: string, system: boolean): ReactNode {
  const known = bodies.get(key);
  if (known !== undefined) {
    bodies.delete(key);
    bodies.set(key, known);
    return known;
  }
  const rendered = system ? <p>{body}</p> : evaluate(<Markdown>{body}</Markdown>);
  if (bodies.size >= MAX_BODIES) bodies.delete(bodies.keys().next().value as string);
  bodies.set(key, rendered);
  return rendered;
}
