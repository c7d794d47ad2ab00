import type { ComponentProps } from 'react';

/**
 * The one registry of components an article may use. Every MDX body is rendered with this
 * map, so Markdown elements get the site's treatment in both directions.
 */

function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" role="region" aria-label={props['aria-label']} tabIndex={0}>
      <table {...props} />
    </div>
  );
}

export const mdxComponents = {
  table: Table,
};

export type MdxComponentName = keyof typeof mdxComponents;
