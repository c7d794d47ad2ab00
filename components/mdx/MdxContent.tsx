import { getMDXComponent } from 'mdx-bundler/client';
import { mdxComponents } from './components';

/**
 * Renders compiled MDX on the server: the body reaches the reader as HTML and ships
 * no client JavaScript.
 */
export function MdxContent({ code }: { code: string }) {
  const Body = getMDXComponent(code);
  return <Body components={mdxComponents} />;
}
