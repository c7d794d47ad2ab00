import type { ReactNode } from 'react';
import { imageDimensions, mediaUrl, resolveImage } from '@/lib/content/media';
import { translator } from '@/i18n/translator';
import type { StoryContext } from './context';

/**
 * A photo from the story folder with its caption and credit. Width and height come from the
 * file itself, so the browser reserves the space before the image arrives and nothing shifts.
 */
export function Figure({
  story,
  src,
  alt,
  credit,
  children,
}: {
  story: StoryContext;
  src: string;
  alt: string;
  credit?: string;
  children?: ReactNode;
}) {
  const image = storyImage(story, src);
  const t = translator(story.locale, 'Figure');
  const hasCaption = children !== undefined && children !== null && children !== '';
  return (
    <figure className="mdx-figure">
      <img src={image.url} width={image.width} height={image.height} alt={alt} loading="lazy" decoding="async" />
      {(hasCaption || credit) && (
        <figcaption>
          {hasCaption && <span className="mdx-figure-caption">{children}</span>}
          {hasCaption && credit && ' '}
          {credit && <span className="mdx-figure-credit">{t('credit', { credit })}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** An image file of the story, with its public URL and intrinsic size; throws naming the file. */
export function storyImage(story: StoryContext, src: string): { url: string; width: number; height: number } {
  const resolved = resolveImage(story.dir, src);
  if ('problem' in resolved) throw new Error(`${story.slug}/${story.locale}.mdx: ${resolved.problem}`);
  const dimensions = imageDimensions(resolved.file);
  if (!dimensions) throw new Error(`${story.slug}/${story.locale}.mdx: "${src}" cannot be read as an image`);
  return { url: mediaUrl(story.slug, src), ...dimensions };
}

/** A Markdown image (`![alt](./photo.jpg)`), served from the story's media folder with its size. */
export function MarkdownImage({ story, src, alt, title }: { story: StoryContext; src?: string; alt?: string; title?: string }) {
  const image = storyImage(story, src ?? '');
  return <img src={image.url} width={image.width} height={image.height} alt={alt ?? ''} title={title} loading="lazy" decoding="async" className="mdx-image" />;
}
