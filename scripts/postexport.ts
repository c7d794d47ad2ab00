/**
 * Runs after `next build` (part of `npm run build`): turns Next's export into plain static
 * documents with a Content-Security-Policy each, and writes the header file
 * (lib/export/postexport.ts). Fails the build when a page still carries the framework runtime.
 *   tsx scripts/postexport.ts [folder]   (default: $OUT_DIR or out)
 */
import path from 'node:path';
import { postExport } from '@/lib/export/postexport';

const outDir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'out');
const report = postExport(outDir);
if (report.problems.length > 0) {
  console.error(`postexport: the framework runtime is still present:\n${report.problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `postexport: ${report.pages} pages made static (${report.removedScripts} framework scripts and ${report.removedFiles} files removed), ` +
    `CSP for ${report.inlineScripts} inline scripts, _headers written, in ${report.ms} ms`,
);
