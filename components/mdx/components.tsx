import type { ComponentProps, ReactNode } from 'react';
import type { KitName } from '@/lib/content/kit';
import { href } from '@/lib/urls';
import type { StoryContext } from './context';
import { Correction } from './Correction';
import { EditorNote } from './EditorNote';
import { FactBox } from './FactBox';
import { Figure, MarkdownImage } from './Figure';
import { Lang } from './Lang';
import { PullQuote } from './PullQuote';

/**
 * The one registry of components an article may use. Every MDX body is rendered with this
 * map, made for the story being rendered (its language and folder), so Markdown elements get
 * the site's treatment in both directions and the kit can find the story's images. The kit's
 * names and props are declared in lib/content/kit.ts, which the checker reads; the
 * `satisfies` below keeps the two in step.
 */

function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" role="region" aria-label={props['aria-label']} tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/** Links inside the site (`/en/news/slug/`) follow the base path the site is served under. */
function Link({ href: target, ...props }: ComponentProps<'a'>) {
  const resolved = typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? href(target) : target;
  return <a href={resolved} {...props} />;
}

type Children = { children?: ReactNode };

export function mdxComponents(story: StoryContext) {
  const kitComponents = {
    Figure: (props: { src: string; alt: string; credit?: string } & Children) => <Figure story={story} {...props} />,
    PullQuote: (props: { by?: string } & Children) => <PullQuote story={story} {...props} />,
    FactBox: (props: { title?: string } & Children) => <FactBox story={story} {...props} />,
    EditorNote: (props: Children) => <EditorNote story={story} {...props} />,
    Correction: (props: { date: string; block?: boolean } & Children) => <Correction story={story} {...props} />,
    Lang: (props: { code: string; block?: boolean } & Children) => <Lang {...props} />,
  } satisfies Record<KitName, unknown>;
  return {
    ...kitComponents,
    table: Table,
    a: Link,
    img: (props: ComponentProps<'img'>) => (
      <MarkdownImage story={story} src={typeof props.src === 'string' ? props.src : undefined} alt={props.alt} title={props.title} />
    ),
  };
}

export type MdxComponentName = keyof ReturnType<typeof mdxComponents>;
