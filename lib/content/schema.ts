import { z } from 'zod';
import { locales } from '@/i18n/locales';
import { sections } from './sections';
import { HASH_FIELD, HASH_PATTERN } from './translation';

/** Lowercase ASCII words joined by single hyphens: `qatar-anti-trafficking-centre`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date. Front matter is parsed without YAML timestamps, so an unquoted
 * `2026-11-28` arrives as a string; a `Date` (from another YAML parser) is normalised too.
 */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date written YYYY-MM-DD') })
    .refine(isRealIsoDate, { error: (issue) => `must be a real date written YYYY-MM-DD, found "${String(issue.input)}"` }),
);

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be text, found ${describe(issue.input)}`) })
  .trim()
  .min(1, { error: 'must not be empty' });

const tag = z
  .string({ error: (issue) => `each tag must be text, found ${describe(issue.input)}` })
  .regex(SLUG_PATTERN, {
    error: (issue) =>
      `tag "${String(issue.input)}" must be lowercase ASCII words joined by hyphens, for example "human-rights"`,
  });

const url = z
  .string({ error: 'must be a web address' })
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    error: (issue) => `must be a full web address starting with https://, found "${String(issue.input)}"`,
  });

export const sourceSchema = z.strictObject(
  {
    /** The source's name in the language of the file. */
    name: text,
    /** The source's name in the language it publishes in, when that differs. */
    originalName: text.optional(),
    url: url.optional(),
  },
  { error: (issue) => (issue.input === undefined ? 'is required' : 'must list name (and optionally originalName, url)') },
);

export const correctionSchema = z.strictObject({ date: isoDate, text });

export const frontmatterSchema = z
  .strictObject(
    {
      title: text,
      summary: text,
      date: isoDate,
      updated: isoDate.optional(),
      section: z.enum(sections, {
        error: (issue) =>
          issue.input === undefined ? 'is required' : `"${String(issue.input)}" is not a section`,
      }),
      tags: z
        .array(tag, { error: 'must be a list of tags, for example [human-rights, qatar]' })
        .refine((list) => new Set(list).size === list.length, { error: 'lists the same tag twice' })
        .default([]),
      location: text,
      author: text,
      source: sourceSchema,
      translatedFrom: z
        .enum(locales, { error: (issue) => `must be one of ${locales.join(', ')}, found "${String(issue.input)}"` })
        .optional(),
      /** On a translation: the hash of the original's words when the translation was last reviewed. */
      [HASH_FIELD]: z
        .string({
          // An unquoted hash made only of digits (or digits and one "e") is read as a number.
          error: (issue) =>
            typeof issue.input === 'number'
              ? 'must be the 12-character hash in quotes, as npm run check -- --fix-translation-hash writes it (originalHash: "…")'
              : 'must be the 12-character hash written by npm run check -- --fix-translation-hash',
        })
        .regex(HASH_PATTERN, {
          error: (issue) =>
            `must be the 12-character hash written by npm run check -- --fix-translation-hash, found "${String(issue.input)}"`,
        })
        .optional(),
      draft: z.boolean({ error: 'must be true or false' }).default(false),
      corrections: z.array(correctionSchema, { error: 'must be a list of { date, text } entries' }).default([]),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'front matter must be a list of fields') },
  )
  .superRefine((data, ctx) => {
    if (data[HASH_FIELD] !== undefined && data.translatedFrom === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [HASH_FIELD],
        message: 'belongs only on a translation: add translatedFrom, or remove this line',
      });
    }
    data.corrections.forEach((correction, index) => {
      if (correction.date < data.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', index, 'date'],
          message: `must not be before the publication date ${data.date}, found ${correction.date}`,
        });
      }
    });
    if (data.updated && data.updated < data.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `must not be before the publication date ${data.date}, found ${data.updated}`,
      });
    }
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Correction = z.infer<typeof correctionSchema>;

/** The front-matter fields in the order an editor meets them; used for hints and scaffolding. */
export const frontmatterFields = Object.keys(frontmatterSchema.shape ?? {}) as string[];

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value === 'number' ? 'the number' : typeof value} ${JSON.stringify(value)}`;
}
