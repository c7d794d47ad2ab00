import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: name, attributes, children in document order, decoded text. */
export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string; cdata: boolean };

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

type Raw = Record<string, unknown>;

function toNode(name: string, raw: Raw): XmlNode {
  const node: XmlNode = { name, attrs: {}, children: [], text: '', cdata: false };
  const attributes = (raw[':@'] ?? {}) as Record<string, string>;
  for (const [key, value] of Object.entries(attributes)) node.attrs[key] = decodeXml(String(value));
  for (const child of (raw[name] ?? []) as Raw[]) {
    if ('#text' in child) node.text += decodeXml(String(child['#text']));
    else if ('#cdata' in child) {
      node.cdata = true;
      for (const part of child['#cdata'] as Raw[]) node.text += String(part['#text'] ?? '');
    } else {
      const childName = Object.keys(child).find((key) => key !== ':@')!;
      node.children.push(toNode(childName, child));
    }
  }
  return node;
}

/** Parses a well-formed XML document; throws with the parser's message otherwise. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    cdataPropName: '#cdata',
    processEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
  });
  const document = parser.parse(xml) as Raw[];
  const rootRaw = document.find((entry) => Object.keys(entry).some((key) => !key.startsWith('?') && key !== ':@'))!;
  const rootName = Object.keys(rootRaw).find((key) => key !== ':@')!;
  return toNode(rootName, rootRaw);
}

export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((child) => child.name === name);
export const child = (node: XmlNode, name: string) => node.children.find((candidate) => candidate.name === name);
export const textOf = (node: XmlNode, name: string) => child(node, name)?.text.trim();
