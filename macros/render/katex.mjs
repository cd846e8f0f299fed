// Typesets formulas for the build (macros/render/math.py), with the pinned KaTeX.
//
// One process serves a whole build: it reads one request per line on stdin, a JSON array
// of [tex, display] pairs (one page's new formulas), and answers each with one line, a
// JSON array of {html} or {error} in the same order. Starting Node and loading KaTeX costs
// more than typesetting a page, so it is paid once, not per page or per formula.
//
//   node katex.mjs <katex package folder>

import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { resolve } from "node:path";

const folder = process.argv[2];
if (!folder) {
  process.stderr.write("usage: node katex.mjs <katex package folder>\n");
  process.exit(2);
}
const katex = createRequire(resolve(folder, "package.json"))(resolve(folder));

// The options the build typesets with; math.py hashes them into its cache key too.
const OPTIONS = {
  output: "htmlAndMathml", // MathML for screen readers, HTML for the eye
  throwOnError: true, // a bad formula fails the build, it is never shown in red
  strict: "error", // and so does LaTeX that KaTeX would only warn about
};

function typeset([tex, display]) {
  try {
    return { html: katex.renderToString(tex, { ...OPTIONS, displayMode: display }) };
  } catch (error) {
    const message = error instanceof katex.ParseError ? error.rawMessage : String(error);
    return { error: message, position: error.position ?? null };
  }
}

process.stdout.write(JSON.stringify({ katex: katex.version, options: OPTIONS }) + "\n");
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  process.stdout.write(JSON.stringify(JSON.parse(line).map(typeset)) + "\n");
}
