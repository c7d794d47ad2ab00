import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Expression, Node as EstreeNode, Program } from 'estree-jsx';
import { isLocale, locales, type Locale } from '@/i18n/locales';
import { allowedHtml, forbiddenHtml, isKitName, kit, kitNames, type PropSpec } from './kit';
import { imageDimensions, resolveImage } from './media';
import { walkEstree, type ElementFact, type MdxFacts, type Position } from './mdx-analyse';
import { nearest, type Problem } from './problems';
import { isRealIsoDate } from './schema';

/**
 * Checks the facts found in one story body: syntax, components and their props, code,
 * links and images. Every problem carries the file position of what the editor must change.
 */

/** What the checker knows about the other stories, for links between them. */
export type StoryIndex = Map<string, Partial<Record<Locale, { public: boolean; date: string; draft: boolean }>>>;

export type MdxCheckContext = {
  file: string;
  dir: string;
  locale: Locale;
  date: string;
  stories: StoryIndex;
};

const KIT_LIST = kitNames.join(', ');
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formAction', 'poster', 'xlinkHref', 'srcSet', 'background']);

export function checkMdx(facts: MdxFacts, context: MdxCheckContext): Problem[] {
  const problems: Problem[] = [];
  const report = (at: Position, message: string, hint?: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: context.file, line: at.line, column: at.column, message, hint, severity });

  if (facts.syntaxError) {
    const { message, hint } = explainSyntaxError(facts.syntaxError.reason, facts.syntaxError.ruleId);
    report(facts.syntaxError, message, hint);
    return problems;
  }

  const bindings = new Set<string>();
  const locOf = locator(facts.lineOffset);
  for (const esm of facts.esm) checkEsm(esm.program, esm, context, bindings, report, locOf);

  for (const element of facts.elements) checkElement(element, context, bindings, report);
  for (const expression of facts.expressions) checkExpression(expression.program, expression, bindings, report);

  for (const link of facts.links) checkLink(link.url, link, context, report);
  for (const image of facts.images) {
    if (image.alt.trim() === '') {
      report(image, 'the image has no alt text: describe what it shows for readers who cannot see it', 'write it between the brackets: ![what the photo shows](./photo.jpg)');
    }
    checkImageFile(image.url, image, context, report);
  }
  return problems;
}

type Report = (at: Position, message: string, hint?: string, severity?: Problem['severity']) => void;

function explainSyntaxError(reason: string, ruleId: string | undefined): { message: string; hint?: string } {
  const clean = reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '').replace(/`/g, '');
  const closing = /Expected a closing tag for <([^>]+)>/.exec(clean);
  if (closing) {
    return {
      message: `<${closing[1]}> is opened here but never closed`,
      hint: `add </${closing[1]}> after its content, or end the tag with /> when it has none`,
    };
  }
  if (ruleId === 'end-tag-mismatch') return { message: `the tags do not match: ${clean}`, hint: 'every <Name> needs its own </Name>, closed in reverse order' };
  if (ruleId === 'unexpected-eof' && /expression/.test(clean)) {
    return { message: 'a { is never closed with }', hint: 'to write a brace as text, write \\{' };
  }
  if (/before name|after name|attribute/.test(clean) && ruleId === 'unexpected-character') {
    return { message: `a < here starts a component, but what follows is not one: ${clean}`, hint: 'to write a less-than sign as text, write \\< or &lt;' };
  }
  if (ruleId === 'acorn') return { message: `the import or export line could not be read: ${clean}`, hint: 'write it as: import Name from "./file.json"' };
  return { message: `the story could not be read as MDX: ${clean}` };
}

function checkEsm(
  program: Program | undefined,
  at: Position,
  context: MdxCheckContext,
  bindings: Set<string>,
  report: Report,
  locOf: ReturnType<typeof locator>,
) {
  for (const statement of program?.body ?? []) {
    const where = locOf(statement, at);
    if (statement.type === 'ImportDeclaration') {
      checkModuleSource(String(statement.source.value), locOf(statement.source, where), 'import', context, report);
      for (const specifier of statement.specifiers) bindings.add(specifier.local.name);
      continue;
    }
    if (statement.type === 'ExportAllDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.source)) {
      checkModuleSource(String(statement.source!.value), locOf(statement.source!, where), 'export', context, report);
      continue;
    }
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type === 'Identifier') bindings.add(declarator.id.name);
        if (declarator.init) checkValue(declarator.init, locOf(declarator.init, where), bindings, report);
      }
      continue;
    }
    if (statement.type === 'ExportNamedDeclaration' && !statement.declaration) continue;
    report(
      where,
      statement.type === 'ExportDefaultDeclaration'
        ? 'export default would replace the page layout; stories cannot do that'
        : 'stories cannot define code: only import from the story folder and export simple values are allowed',
      'remove this line',
    );
  }
}

function checkModuleSource(source: string, at: Position, verb: 'import' | 'export', context: MdxCheckContext, report: Report) {
  if (!source.startsWith('./') && !source.startsWith('../')) {
    report(at, `${verb} of "${source}": a story may only ${verb} files from its own folder`, 'copy the file into the story folder and write "./name"');
    return;
  }
  const target = path.resolve(context.dir, source);
  if (!target.startsWith(context.dir + path.sep)) {
    report(at, `${verb} of "${source}" reaches outside the story folder`, 'copy the file into the story folder and write "./name"');
    return;
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    report(at, `${verb} of "${source}": the file does not exist in the story folder`);
  }
}

/** Estree positions are relative to the body (columns from 0); problems need file positions. */
function locator(lineOffset: number) {
  return (node: EstreeNode, fallback: Position): Position => {
    const loc = (node as { loc?: { start: { line: number; column: number } } }).loc;
    return loc ? { line: loc.start.line + lineOffset, column: loc.start.column + 1 } : fallback;
  };
}

function checkElement(element: ElementFact, context: MdxCheckContext, bindings: Set<string>, report: Report) {
  const name = element.name;
  if (name === null) return;
  for (const spread of element.spreads) report(spread, `{...} cannot pass props to <${name}>`, 'write each prop as name="value"');

  if (isKitName(name)) {
    const spec = kit[name];
    if (spec.blockOnly && !element.alone) {
      report(element, `<${name}> must stand on its own line, not inside a sentence`, 'leave an empty line before and after it');
    }
    if (spec.needsChildren && !element.hasChildren) {
      report(element, `<${name}> has no content`, `for example ${spec.example}`);
    }
    const props = spec.props as Record<string, PropSpec>;
    for (const attribute of element.attributes) {
      if (isDangerous(attribute.name, element, report, attribute)) continue;
      const prop = props[attribute.name];
      if (!prop) {
        const known = Object.keys(props);
        const suggestion = nearest(attribute.name, known);
        report(
          attribute,
          `<${name}> has no prop "${attribute.name}"`,
          suggestion ? `did you mean "${suggestion}"?` : known.length > 0 ? `its props: ${known.join(', ')}` : `<${name}> takes no props`,
        );
        continue;
      }
      if (attribute.value.kind !== 'text') {
        report(attribute, `${attribute.name} on <${name}> must be text in quotes`, `write ${attribute.name}="…"`);
        continue;
      }
      checkPropValue(name, attribute.name, prop, attribute.value.text, attribute, context, report);
    }
    for (const [propName, prop] of Object.entries(props)) {
      if (prop.required && !element.attributes.some((attribute) => attribute.name === propName)) {
        report(element, `<${name}> needs ${propName}="…"`, `for example ${spec.example}`);
      }
    }
    return;
  }

  const base = name.split('.')[0];
  if (bindings.has(base)) {
    checkAttributes(element, bindings, report);
    return;
  }
  const lower = name.toLowerCase();
  if (Object.hasOwn(forbiddenHtml, lower)) {
    report(element, `<${name}> is not allowed: ${forbiddenHtml[lower]}`, `components that exist: ${KIT_LIST}`);
    return;
  }
  if ((allowedHtml as readonly string[]).includes(name)) {
    checkAttributes(element, bindings, report);
    return;
  }
  const suggestion = nearest(name, kitNames);
  report(
    element,
    `<${name}> is not a component of the kit`,
    `${suggestion ? `did you mean <${suggestion}>? ` : ''}components that exist: ${KIT_LIST}`,
  );
}

function isDangerous(name: string, element: ElementFact, report: Report, at: Position): boolean {
  if (/^on[A-Z]/.test(name) || /^on[a-z]+$/.test(name)) {
    report(at, `the event handler ${name}= on <${element.name}> is not allowed: stories cannot run scripts`, 'remove it');
    return true;
  }
  if (name === 'dangerouslySetInnerHTML') {
    report(at, `dangerouslySetInnerHTML on <${element.name}> is not allowed: it inserts unchecked HTML`, 'write the content as text between the tags');
    return true;
  }
  return false;
}

function checkAttributes(element: ElementFact, bindings: Set<string>, report: Report) {
  for (const attribute of element.attributes) {
    if (isDangerous(attribute.name, element, report, attribute)) continue;
    if (attribute.name === 'style') {
      report(attribute, `style on <${element.name}> is not allowed: the site's design applies to every story`, 'remove it');
      continue;
    }
    if (attribute.value.kind === 'expression') {
      if (attribute.value.program) checkExpression(attribute.value.program, attribute, bindings, report);
      const literal = literalString(attribute.value.program);
      if (URL_ATTRIBUTES.has(attribute.name) && literal !== null) checkUrlScheme(literal, attribute, report);
      continue;
    }
    if (attribute.value.kind === 'text' && URL_ATTRIBUTES.has(attribute.name)) checkUrlScheme(attribute.value.text, attribute, report);
  }
}

function literalString(program: Program | undefined): string | null {
  const statement = program?.body[0];
  if (statement?.type !== 'ExpressionStatement') return null;
  const expression = statement.expression;
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral') return expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
  return null;
}

function checkPropValue(
  component: string,
  prop: string,
  spec: PropSpec,
  value: string,
  at: Position,
  context: MdxCheckContext,
  report: Report,
) {
  if (spec.required && value.trim() === '') {
    report(at, `${prop} on <${component}> is empty`, component === 'Figure' && prop === 'alt' ? 'describe what the image shows for readers who cannot see it' : undefined);
    return;
  }
  switch (spec.kind) {
    case 'date':
      if (!isRealIsoDate(value)) report(at, `${prop} on <${component}> must be a real date written YYYY-MM-DD, found "${value}"`, 'for example 2026-11-29');
      else if (value < context.date) report(at, `${prop} on <${component}> is before the story's date ${context.date}`);
      break;
    case 'locale':
      if (!isLocale(value)) report(at, `code on <${component}> must be one of ${locales.join(', ')}, found "${value}"`);
      else if (value === context.locale) report(at, `<${component} code="${value}"> marks text in the story's own language`, 'use it only for a passage in the other language');
      break;
    case 'image':
      checkImageFile(value, at, context, report);
      break;
    case 'text':
      break;
  }
}

function checkImageFile(reference: string, at: Position, context: MdxCheckContext, report: Report) {
  const resolved = resolveImage(context.dir, reference);
  if ('problem' in resolved) {
    report(at, resolved.problem, resolved.hint);
    return;
  }
  if (!imageDimensions(resolved.file)) report(at, `the image file "${reference}" cannot be read as an image`, 'export it again as JPEG or PNG');
}

/** Code between { and } may only show values: text, numbers, and values imported from the story folder. */
function checkExpression(program: Program | undefined, at: Position, bindings: Set<string>, report: Report) {
  const statement = program?.body[0];
  if (!statement) return; // a {/* comment */}
  if (statement.type !== 'ExpressionStatement') {
    report(at, 'only values can be written between { and }', 'to write a brace as text, write \\{');
    return;
  }
  checkValue(statement.expression, at, bindings, report);
}

function checkValue(expression: Expression | EstreeNode, at: Position, bindings: Set<string>, report: Report) {
  let reported = false;
  const complain = (message: string, hint?: string) => {
    if (!reported) report(at, message, hint);
    reported = true;
  };
  walkEstree(expression, (node) => {
    switch (node.type) {
      case 'Literal':
      case 'TemplateLiteral':
      case 'TemplateElement':
      case 'ArrayExpression':
      case 'ObjectExpression':
      case 'Property':
        return;
      case 'Identifier':
        return;
      case 'MemberExpression': {
        let object: EstreeNode = node;
        while (object.type === 'MemberExpression') object = object.object;
        if (object.type === 'Identifier' && !bindings.has(object.name)) {
          complain(`"${object.name}" is not something the story imported`, 'only values imported from the story folder can be shown');
        }
        return;
      }
      case 'JSXElement':
      case 'JSXFragment':
      case 'JSXOpeningElement':
      case 'JSXClosingElement':
      case 'JSXOpeningFragment':
      case 'JSXClosingFragment':
      case 'JSXText':
      case 'JSXIdentifier':
      case 'JSXAttribute':
      case 'JSXExpressionContainer':
        complain('components cannot be written inside { }', 'write them directly in the text');
        return;
      default:
        complain(`code is not allowed between { and } (found ${describeNode(node.type)})`, 'to write a brace as text, write \\{');
    }
  });
  if (expression.type === 'Identifier' && !bindings.has(expression.name) && expression.name !== 'undefined') {
    complain(`"${expression.name}" is not something the story imported`, 'to write a brace as text, write \\{');
  }
}

function describeNode(type: string): string {
  if (type === 'CallExpression' || type === 'NewExpression') return 'a function call';
  if (type.endsWith('FunctionExpression')) return 'a function';
  if (type === 'AssignmentExpression') return 'an assignment';
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const STORY_LINK = /^\/([^/?#]+)\/news\/([^/?#]+)\/?(?:[?#].*)?$/;

function checkUrlScheme(url: string, at: Position, report: Report): boolean {
  // Browsers ignore tabs, newlines and control characters inside a scheme: "java\tscript:" runs.
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') {
    report(at, `the link "${truncate(url)}" would run a script`, 'link to a web address starting with https://');
    return false;
  }
  if (scheme === 'data') {
    report(at, `the link "${truncate(url)}" carries a data: address, which can hide a page or a script`, 'link to a web address starting with https://');
    return false;
  }
  return true;
}

function checkLink(url: string, at: Position, context: MdxCheckContext, report: Report) {
  if (!checkUrlScheme(url, at, report)) return;
  const match = STORY_LINK.exec(url);
  if (!match) return;
  const [, localeSegment, slug] = match;
  if (!isLocale(localeSegment)) {
    report(at, `the link "${url}" names the language "${localeSegment}", which the site does not publish`, `use /${locales.join('/ or /')}/`);
    return;
  }
  const target = context.stories.get(slug);
  if (!target) {
    const suggestion = nearest(slug, [...context.stories.keys()]);
    report(at, `the link "${url}" points to a story "${slug}" that does not exist`, suggestion ? `did you mean "${suggestion}"?` : 'check the story folder name in content/articles');
    return;
  }
  const version = target[localeSegment];
  if (!version) {
    const available = locales.filter((code) => target[code]);
    report(at, `the link "${url}" points to the ${localeSegment} version of "${slug}", which does not exist`, `it exists in: ${available.join(', ')}`);
    return;
  }
  if (!version.public) {
    report(
      at,
      version.draft
        ? `the link "${url}" points to a draft: it will lead nowhere until that story is published`
        : `the link "${url}" points to a story scheduled for ${version.date}: it will lead nowhere until then`,
      undefined,
      'warning',
    );
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
