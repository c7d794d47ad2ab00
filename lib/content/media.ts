import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { href } from '@/lib/urls';
import { isImageFile } from './kit';
import type { MdxFacts } from './mdx-analyse';

/**
 * Images live beside the story that uses them (`content/articles/<slug>/photo.jpg`). Before
 * a build they are copied to `public/media/<slug>/` (git-ignored), so the export serves them
 * at `/media/<slug>/photo.jpg` under the site's base path.
 */

export const MEDIA_DIR = path.join(process.cwd(), 'public', 'media');

/** Where an image referenced as `./photo.jpg` in a story is served, base path included. */
export function mediaUrl(slug: string, reference: string): string {
  const name = path.posix.normalize(reference.replace(/^\.\//, ''));
  return href(`/media/${slug}/${name.split('/').map(encodeURIComponent).join('/')}`);
}

/**
 * Resolves an image reference written in a story to a file inside the story folder, or
 * explains why it cannot be one. Only relative references (`./photo.jpg`, `photo.jpg`) qualify.
 */
export function resolveImage(dir: string, reference: string): { file: string } | { problem: string; hint?: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) {
    return {
      problem: `the image "${reference}" is not a file in the story folder`,
      hint: 'save the image in the story folder and write its name, for example ./photo.jpg',
    };
  }
  if (reference.trim() === '') return { problem: 'the image has no file name', hint: 'for example ./photo.jpg' };
  const file = path.resolve(dir, reference.split(/[?#]/)[0]);
  if (!file.startsWith(dir + path.sep)) {
    return { problem: `the image "${reference}" is outside the story folder`, hint: 'copy it into the story folder and write ./name.jpg' };
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    const present = readdirSync(dir).filter(isImageFile);
    return {
      problem: `the image file "${reference}" does not exist`,
      hint: present.length > 0 ? `images in this story folder: ${present.join(', ')}` : 'this story folder has no images yet',
    };
  }
  if (!isImageFile(file)) {
    return { problem: `"${reference}" is not a JPEG, PNG, WebP, AVIF or GIF image`, hint: 'SVG and other formats are not published' };
  }
  return { file };
}

export type Dimensions = { width: number; height: number };

const dimensionCache = new Map<string, { mtimeMs: number; size: number; dimensions: Dimensions | null }>();

/** The intrinsic width and height of an image file, or null when it cannot be read as an image. */
export function imageDimensions(file: string): Dimensions | null {
  const stat = statSync(file);
  const cached = dimensionCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.dimensions;
  let dimensions: Dimensions | null = null;
  try {
    const result = imageSize(readFileSync(file));
    if (result.width && result.height) {
      // EXIF orientations 5-8 rotate the picture a quarter turn: the displayed box is swapped.
      const swapped = result.orientation !== undefined && result.orientation >= 5;
      dimensions = swapped ? { width: result.height, height: result.width } : { width: result.width, height: result.height };
    }
  } catch {
    dimensions = null;
  }
  dimensionCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, dimensions });
  return dimensions;
}

/** Copies one story folder's images into `<mediaDir>/<slug>/`, skipping files already up to date. */
export function copyStoryMedia(slug: string, dir: string, mediaDir: string = MEDIA_DIR): string[] {
  const copied: string[] = [];
  const images = readdirSync(dir).filter(isImageFile);
  if (images.length === 0) return copied;
  const target = path.join(mediaDir, slug);
  mkdirSync(target, { recursive: true });
  for (const name of images) {
    const from = path.join(dir, name);
    const to = path.join(target, name);
    const source = statSync(from);
    if (existsSync(to)) {
      const existing = statSync(to);
      if (existing.size === source.size && existing.mtimeMs >= source.mtimeMs) continue;
    }
    copyFileSync(from, to);
    copied.push(to);
  }
  return copied;
}

/** Empties the media folder, so images of removed or unpublished stories never reach an export. */
export function clearMedia(mediaDir: string = MEDIA_DIR): void {
  rmSync(mediaDir, { recursive: true, force: true });
}

/** The images a story version shows: every <Figure src> and Markdown image, as written. */
export function referencedImages(facts: MdxFacts): string[] {
  const fromFigures = facts.elements
    .filter((element) => element.name === 'Figure')
    .flatMap((element) => element.attributes.filter((attribute) => attribute.name === 'src'))
    .flatMap((attribute) => (attribute.value.kind === 'text' ? [attribute.value.text] : []));
  return [...new Set([...fromFigures, ...facts.images.map((image) => image.url)])];
}

/**
 * Copies the images that published versions show into `<mediaDir>/<slug>/`, after emptying
 * it: images of drafts, scheduled or removed stories never reach the export.
 */
export function publishMedia(
  versions: { slug: string; dir: string; images: string[] }[],
  mediaDir: string = MEDIA_DIR,
): { files: number; bytes: number } {
  clearMedia(mediaDir);
  let files = 0;
  let bytes = 0;
  for (const version of versions) {
    for (const reference of version.images) {
      const resolved = resolveImage(version.dir, reference);
      if ('problem' in resolved) throw new Error(`${version.slug}: ${resolved.problem}`);
      const relativeName = path.relative(version.dir, resolved.file);
      const target = path.join(mediaDir, version.slug, relativeName);
      if (existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(resolved.file, target);
      files += 1;
      bytes += statSync(target).size;
    }
  }
  return { files, bytes };
}
